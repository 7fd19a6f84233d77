package io.firstsecretary.identity.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code data/identity/demo-credentials.json}: the secrets and passwords an installation made for
 * its operator and, on the demo organisation, for each office and each member holding a role. The
 * store keeps only their hashes; this file, readable by its owner alone, is where they are shown.
 */
final class CredentialsFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path path;

    CredentialsFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    synchronized void issuer(String issuer) {
        update(root -> {
            root.put("issuer", issuer);
            root.put("tokenEndpoint", issuer + "/oauth2/token");
        });
    }

    synchronized void client(String key, String clientId, String secret) {
        update(root -> root.withObjectProperty("clients")
                .putObject(key)
                .put("clientId", clientId)
                .put("clientSecret", secret));
    }

    synchronized void user(String username, String password, String bureau, List<String> roles) {
        update(root -> {
            ArrayNode users = root.withArrayProperty("users");
            ObjectNode user = null;
            for (var node : users) {
                if (username.equals(node.path("username").asString())) {
                    user = (ObjectNode) node;
                }
            }
            if (user == null) {
                user = users.addObject().put("username", username);
            }
            if (password != null) {
                user.put("password", password);
            }
            user.put("member", username).put("bureau", bureau);
            var array = user.putArray("roles");
            roles.forEach(array::add);
        });
    }

    synchronized boolean hasUser(String username) {
        for (var node : read().withArrayProperty("users")) {
            if (username.equals(node.path("username").asString())) {
                return true;
            }
        }
        return false;
    }

    private void update(Consumer<ObjectNode> change) {
        ObjectNode root = read();
        change.accept(root);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // a file system without POSIX permissions keeps its defaults
            }
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path, e);
        }
    }

    private ObjectNode read() {
        if (!Files.isRegularFile(path)) {
            var root = JSON.createObjectNode();
            root.putObject("clients");
            root.putArray("users");
            return root;
        }
        try {
            return (ObjectNode) JSON.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
