package io.firstsecretary.organisation.bureau;

import io.firstsecretary.kit.web.Paged;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus")
class BureauController {

    private final BureauDirectory bureaus;

    BureauController(BureauDirectory bureaus) {
        this.bureaus = bureaus;
    }

    @PostMapping
    ResponseEntity<Bureau> register(@Valid @RequestBody RegisterBureau request) {
        return bureaus.register(request).response("/api/v1/bureaus/" + request.code());
    }

    /** The bureau tree, or with {@code under} one bureau and everything below it. */
    @GetMapping
    Paged<Bureau> list(
            @RequestParam(required = false) String under,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return bureaus.list(under, page, size);
    }

    @GetMapping("/{bureau}")
    Bureau get(@PathVariable String bureau) {
        return bureaus.require(bureau);
    }

    @PutMapping("/{bureau}")
    Bureau change(@PathVariable String bureau, @Valid @RequestBody ChangeBureau request) {
        return bureaus.change(bureau, request).value();
    }
}
