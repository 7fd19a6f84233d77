package io.firstsecretary.organisation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The directory of bureaus, branches, party groups, members and first secretaries. */
@SpringBootApplication
public class OrganisationApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrganisationApplication.class, args);
    }
}
