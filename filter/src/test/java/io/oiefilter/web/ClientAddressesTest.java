package io.oiefilter.web;

import io.oiefilter.config.AddressRanges;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which address the throttles count: forwarded headers are believed from the configured proxies only. */
class ClientAddressesTest {

    /** A request from {@code peer} with these headers (each may repeat). */
    private static HttpServletRequest request(String peer, Map<String, List<String>> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeaders" -> Collections.enumeration(headers.getOrDefault((String) args[0], List.of()));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final ClientAddresses BEHIND_PROXIES = new ClientAddresses(AddressRanges.parse("10.0.0.0/8, 192.0.2.10, fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        ClientAddresses none = new ClientAddresses(AddressRanges.NONE);
        assertEquals("10.1.2.3", none.of(request("10.1.2.3", Map.of("X-Forwarded-For", List.of("203.0.113.9")))));
    }

    @Test
    void aClientCannotChooseItsAddressByHeader() {
        assertEquals("198.51.100.7", BEHIND_PROXIES.of(request("198.51.100.7", Map.of("X-Forwarded-For", List.of("203.0.113.9")))));
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        // The client forged the first entry; our proxies appended the real one and themselves.
        assertEquals("203.0.113.9", BEHIND_PROXIES.of(request("10.0.0.5",
                Map.of("X-Forwarded-For", List.of("1.2.3.4, 203.0.113.9, 10.0.0.7")))));
        assertEquals("203.0.113.9", BEHIND_PROXIES.of(request("10.0.0.5",
                Map.of("X-Forwarded-For", List.of("1.2.3.4", "203.0.113.9")))));
    }

    @Test
    void theStandardForwardedHeaderIsReadWithQuotesPortsAndIpv6() {
        assertEquals("2001:db8::17", BEHIND_PROXIES.of(request("192.0.2.10",
                Map.of("Forwarded", List.of("for=198.51.100.1;proto=https, for=\"[2001:db8::17]:4711\"")))));
        assertEquals("198.51.100.1", BEHIND_PROXIES.of(request("192.0.2.10",
                Map.of("Forwarded", List.of("for=198.51.100.1:8080")))));
    }

    @Test
    void somethingThatIsNotAnAddressCountsAsTheProxyItself() {
        assertEquals("10.0.0.5", BEHIND_PROXIES.of(request("10.0.0.5", Map.of("X-Forwarded-For", List.of("unknown")))));
        assertEquals("10.0.0.5", BEHIND_PROXIES.of(request("10.0.0.5", Map.of())));
    }

    @Test
    void rangesAreLiteralsOnly() {
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("proxy.example.com"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("300.1.1.1"));
        AddressRanges r = AddressRanges.parse("10.0.0.0/8 ::1");
        assertTrue(r.contains("10.255.0.1") && r.contains("::1") && !r.contains("11.0.0.1") && !r.contains("::2"));
    }
}
