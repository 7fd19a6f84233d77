package io.firstsecretary.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may point: an {@code https://} URL whose host resolves only to public addresses.
 * Loopback, private, link-local (the cloud metadata service at 169.254.169.254 among them),
 * carrier-grade NAT, unique-local, multicast and unspecified addresses are refused, so a bureau's
 * office cannot make the platform call into its own network. The check runs when an endpoint is
 * registered and again before every delivery, since a name may resolve elsewhere later (DNS
 * rebinding). With {@code firstsec.notification.webhooks.allow-loopback} (for development and
 * tests only) plain {@code http://} and loopback addresses are allowed as well, nothing else.
 */
@Component
class WebhookTargets {

    /** Resolves a host name the way the HTTP client will. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final Resolver resolver;

    @Autowired
    WebhookTargets(@Value("${firstsec.notification.webhooks.allow-loopback:false}") boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    WebhookTargets(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /** Why {@code url} may not receive webhooks, or nothing if it may. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("url must be an absolute https URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || url.length() > 2_000) {
            return Optional.of("url must be an absolute https URL of at most 2000 characters");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("url must not carry a user name or password");
        }
        boolean https = "https".equals(uri.getScheme());
        if (!https && !("http".equals(uri.getScheme()) && allowLoopback)) {
            return Optional.of("url must be https://");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && allowLoopback) {
                continue;
            }
            if (!https || !isPublic(address)) {
                return Optional.of("the host " + uri.getHost() + " resolves to " + address.getHostAddress()
                        + ", which is not a public address");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedOrCompatible = isZero(b, 0, 10) && ((b[10] & b[11] & 0xff) == 0xff || isZero(b, 10, 12));
            if (uniqueLocal) {
                return false;
            }
            if (mappedOrCompatible) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
