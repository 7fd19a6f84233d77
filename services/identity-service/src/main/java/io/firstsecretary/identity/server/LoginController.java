package io.firstsecretary.identity.server;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form, in Chinese: people log in with their member id (党员编号) and password. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
