package io.firstsecretary.console.web;

import io.firstsecretary.console.security.Person;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The root sends each person to the page of the work he or she does most. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Person person) {
        return "redirect:" + person.home();
    }
}
