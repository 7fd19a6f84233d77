package io.firstsecretary.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The platform's OAuth 2.1 / OpenID Connect authorization server: people log in with their member
 * id, systems with the clients their bureau's office created; tokens carry the caller's bureau and
 * roles for every other service to check.
 */
@SpringBootApplication
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}
