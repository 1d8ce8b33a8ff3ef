package io.oiefilter.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core journeys with the javax sample (oie-filter-javax, Servlet 4), and what Servlet 4 cannot do
 * for the filter: it has no session cookie attributes, so SameSite=Lax is written into the Set-Cookie
 * header of every session the filter makes, the one made before sign-in and the one after it.
 */
abstract class JavaxJourneys extends CoreJourneys {

    private static String sessionCookie(List<String> setCookies) {
        return setCookies.stream().filter(h -> h.startsWith("JSESSIONID=")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no session cookie: " + setCookies));
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnlyBeforeAndAfterSignIn() throws Exception {
        WebClient c = new WebClient(sampleBase());
        HttpResponse<String> toSignIn = c.get("app/", "Accept", "text/html");
        assertEquals(302, toSignIn.statusCode(), toSignIn.body());
        String before = sessionCookie(toSignIn.headers().allValues("Set-Cookie"));
        assertTrue(before.contains("SameSite=Lax") && before.contains("HttpOnly"), before);

        HttpResponse<String> signIn = c.follow(toSignIn);
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        HttpResponse<String> signedIn = c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String after = sessionCookie(signedIn.headers().allValues("Set-Cookie"));
        assertTrue(!after.equals(before) && after.contains("SameSite=Lax") && after.contains("HttpOnly"),
                "a new session id after sign-in, hardened too: " + after);
        assertTrue(c.follow(signedIn).body().contains("Hello, Alice Liddell"));
    }
}
