package io.firstsecretary.identity.account;

import java.security.SecureRandom;

/** A first password: 14 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about 81 bits. */
public final class InitialPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InitialPasswords() {}

    public static String next() {
        var password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
