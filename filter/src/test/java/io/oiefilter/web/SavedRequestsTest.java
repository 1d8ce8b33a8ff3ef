package io.oiefilter.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only paths inside the app are ever redirected to after sign-in: no open redirect. */
class SavedRequestsTest {

    @Test
    void pathsInsideTheAppAreSafe() {
        assertTrue(SavedRequests.isSafeAppPath("/app/"));
        assertTrue(SavedRequests.isSafeAppPath("/app/details.jsp?tab=a&b=c"));
    }

    @Test
    void anythingThatCouldLeaveTheOriginIsNot() {
        assertFalse(SavedRequests.isSafeAppPath(null));
        assertFalse(SavedRequests.isSafeAppPath("https://evil.example/"));
        assertFalse(SavedRequests.isSafeAppPath("//evil.example/"));
        assertFalse(SavedRequests.isSafeAppPath("/\\evil.example/"));
        assertFalse(SavedRequests.isSafeAppPath("/app\\..\\x"));
        assertFalse(SavedRequests.isSafeAppPath("/app\r\nSet-Cookie: x=y"));
        assertFalse(SavedRequests.isSafeAppPath("app/"));
    }
}
