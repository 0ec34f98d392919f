package org.arrival.notifications.webhooks.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether the platform may call a webhook URL (server-side request forgery protection). It is asked at
 * registration and again before every delivery, because what a host name resolves to can change after it was
 * registered.
 *
 * <p>Accepted: {@code https} or {@code http}, no user-info, a host whose every address is acceptable. Refused, if
 * ANY address of the host is one of them: link-local (169.254.0.0/16, fe80::/10), the cloud metadata endpoints
 * (169.254.169.254, fd00:ec2::254, 100.100.100.200), multicast, the wildcard/unspecified address (0.0.0.0/8, ::),
 * and loopback (127.0.0.0/8, ::1) unless loopback is allowed (local development and tests).
 *
 * <p>Private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7) are deliberately ALLOWED: an NGO or a
 * municipality may well run its receiving server on its internal network, reachable from where Arrival runs. An
 * operator who does not want that restricts egress at the network level.
 *
 * <p>Known limit: the HTTP client resolves the host again when it connects, so a name that changes between the
 * check and the connection (DNS rebinding with a very short TTL) is caught only at the next delivery.
 */
public final class TargetGuard {

    /** Resolves a host name to all its addresses ({@link InetAddress#getAllByName} in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final int MAX_URL_LENGTH = 2000;

    private static final Set<String> METADATA = Set.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

    private static final byte[] BROADCAST = {(byte) 255, (byte) 255, (byte) 255, (byte) 255};

    private final boolean allowLoopback;
    private final Resolver resolver;

    public TargetGuard(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    public TargetGuard(boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    /** The URL, parsed, if the platform may call it; otherwise {@link UnsafeTarget} with the reason. */
    public URI check(@Nullable String url) {
        URI uri = parse(url);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new UnsafeTarget("the host " + host + " cannot be resolved", true);
        }
        if (addresses == null || addresses.length == 0) {
            throw new UnsafeTarget("the host " + host + " cannot be resolved", true);
        }
        for (InetAddress a : addresses) {
            String refusal = refusal(a);
            if (refusal != null) {
                throw new UnsafeTarget("the host " + host + " resolves to " + a.getHostAddress() + ", " + refusal
                        + "; webhooks may not point there");
            }
        }
        return uri;
    }

    /** Syntax only: scheme, user-info, host; no name resolution. */
    public static URI parse(@Nullable String url) {
        if (url == null || url.isBlank()) {
            throw new UnsafeTarget("a URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new UnsafeTarget("the URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new UnsafeTarget("'" + url + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || scheme == null || uri.isOpaque()) {
            throw new UnsafeTarget("'" + url + "' is not an absolute http or https URL");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UnsafeTarget("the scheme " + scheme + " is not allowed; use https (or http)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeTarget("the URL may not carry a user name or password; authenticate by the signature");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new UnsafeTarget("'" + url + "' names no valid host");
        }
        return uri;
    }

    /** Why the platform may not call this address, or null if it may. */
    @Nullable
    String refusal(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        if (METADATA.contains(a.getHostAddress()) || METADATA.contains(address.getHostAddress())) {
            return "a cloud metadata address";
        }
        if (a.isAnyLocalAddress() || (a instanceof Inet4Address && a.getAddress()[0] == 0)) {
            return "the wildcard (unspecified) address";
        }
        if (a.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback address";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        if (a instanceof Inet4Address && Arrays.equals(a.getAddress(), BROADCAST)) {
            return "the broadcast address";
        }
        // private ranges (10/8, 172.16/12, 192.168/16, fc00::/7) are allowed on purpose, see the class comment
        return null;
    }

    /**
     * The IPv4 address an IPv6 address carries (IPv4-compatible ::a.b.c.d and NAT64 64:ff9b::/96), so that
     * ::127.0.0.1 is judged as 127.0.0.1; IPv4-mapped ::ffff:a.b.c.d is already an IPv4 address in Java.
     */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address;
        }
        byte[] b = v6.getAddress();
        boolean compatible = v6.isIPv4CompatibleAddress() && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = b[0] == 0
                && b[1] == 0x64
                && b[2] == (byte) 0xff
                && b[3] == (byte) 0x9b
                && List.of(b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11]).stream()
                        .allMatch(x -> x == 0);
        if (!compatible && !nat64) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
