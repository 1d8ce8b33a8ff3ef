package io.oiefilter.log;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OieLogTest {

    @Test
    void aForgedLineStaysOnTheLineItWasTypedIn() {
        String forged = OieLog.neutralise("eve\r\n[INFO] oie-filter: alice@example.com signed in");
        assertEquals("eve\\r\\n[INFO] oie-filter: alice@example.com signed in", forged);
        assertFalse(forged.contains("\n") || forged.contains("\r"));
    }

    @Test
    void unicodeLineBreaksControlAndBidiCharactersAreEscaped() {
        assertEquals("a\\u2028b\\u2029c\\u0085d\\u0000e\\u001bf\\u202eg\\u2066h\\u007f", 
                OieLog.neutralise("a\u2028b\u2029c\u0085d\u0000e\u001bf\u202eg\u2066h\u007f"));
    }

    @Test
    void aBackslashIsEscapedSoThatEscapesCannotBeFaked() {
        assertEquals("\\\\r\\r", OieLog.neutralise("\\r\r"));
    }

    @Test
    void longValuesAreCut() {
        String s = OieLog.neutralise("x".repeat(2_000_000));
        assertTrue(s.length() < OieLog.MAX_VALUE_LENGTH + 30, s.length() + "");
        assertTrue(s.endsWith("…(1999700 more)"), s.substring(s.length() - 20));
    }

    @Test
    void ordinaryTextAndNullAreKept() {
        assertEquals("pat@example.com from 203.0.113.7 ünïcödé", OieLog.neutralise("pat@example.com from 203.0.113.7 ünïcödé"));
        assertEquals("null", OieLog.neutralise(null));
    }
}
