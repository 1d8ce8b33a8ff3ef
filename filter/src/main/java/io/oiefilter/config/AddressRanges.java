package io.oiefilter.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * IP addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code ::1}, {@code fd00::/8}):
 * the reverse proxies whose forwarded-for headers are believed. Literal addresses only: a host name
 * would need DNS, and DNS is not a trust anchor.
 */
public final class AddressRanges {
    private record Range(byte[] network, int prefix, String text) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static final AddressRanges NONE = new AddressRanges(List.of());

    /** Parses a comma- or space-separated list; IllegalArgumentException for anything else than literals. */
    public static AddressRanges parse(String spec) {
        List<Range> out = new ArrayList<>();
        for (String item : spec.split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            String[] parts = item.split("/", 2);
            byte[] address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("'" + item + "' is not an IP address or CIDR range");
            }
            int prefix = address.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("'" + item + "' has a bad prefix length");
                }
            }
            out.add(new Range(address, prefix, item));
        }
        return new AddressRanges(out);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (a literal, as getRemoteAddr gives it) is in one of the ranges. */
    public boolean contains(String address) {
        byte[] a = literal(address);
        return a != null && ranges.stream().anyMatch(r -> r.contains(a));
    }

    /** Whether {@code s} is an IP address literal (not a name, an obfuscated value, or "unknown"). */
    public static boolean isLiteral(String s) {
        return literal(s) != null;
    }

    /** The address bytes of an IPv4 or IPv6 literal (brackets allowed), or null for anything else. */
    static byte[] literal(String s) {
        if (s == null) {
            return null;
        }
        String v = s.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        int zone = v.indexOf('%');
        if (zone >= 0) {
            v = v.substring(0, zone);
        }
        boolean v4 = v.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = v.contains(":") && v.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        if (v4 && Arrays.stream(v.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)) {
            return null;
        }
        try {
            return InetAddress.getByName(v).getAddress(); // a literal: no look-up is made
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::text).toList().toString();
    }
}
