package io.oiefilter.flow;

import io.oiefilter.idx.IdxMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which of Okta's messages a page shows in its own language, and which in Okta's words. */
class OktaTextTest {

    private static IdxMessage okta(String text, String key, String... params) {
        return new IdxMessage(text, key, "ERROR", "passcode", List.of(params));
    }

    @Test
    void aKeyTheFilterKnowsIsShownInThePagesLanguageWithOktasParams() {
        OktaText t = OktaText.of(okta("The security question answer must be at least 4 characters in length",
                "securityQuestion.answer.tooShort.arg", "4"));
        assertEquals("oie.okta.answerTooShort", t.getMessageKey());
        assertEquals(List.of("4"), t.getParams());
        assertEquals("The security question answer must be at least 4 characters in length", t.getText(), "Okta's words are kept");
    }

    @Test
    void nextToAFieldAnEnglishPageKeepsOktasWordsAndAnotherLanguageTheFiltersWords() {
        OktaText taken = OktaText.of(new IdxMessage("A user with this Email already exists", "registration.error.notUniqueWithinOrg",
                "ERROR", "email", List.of("Email")));
        OktaText english = taken.onFieldOfPageIn(Locale.ENGLISH);
        assertNull(english.getMessageKey(), "Okta's English names the field");
        assertEquals("A user with this Email already exists", english.getText());
        assertNull(taken.onFieldOfPageIn(Locale.US).getMessageKey());
        assertEquals("oie.okta.notUnique", taken.onFieldOfPageIn(Locale.GERMAN).getMessageKey());
        assertEquals("oie.okta.notUnique", taken.onFieldOfPageIn(Locale.JAPANESE).getMessageKey());
        OktaText unknown = OktaText.of(okta("Okta's words", null));
        assertEquals(unknown, unknown.onFieldOfPageIn(Locale.GERMAN));
    }

    @Test
    void paramsATextDoesNotUseAreNotCarried() {
        // As recorded: password.common comes with one empty param, which the filter's text has no place for.
        OktaText t = OktaText.of(okta("This password was found in a list of commonly used passwords. Please try another password.",
                "password.common", ""));
        assertEquals("oie.okta.passwordCommon", t.getMessageKey());
        assertEquals(List.of(), t.getParams());
    }

    @Test
    void anUnknownKeyOrNoKeyLeavesOktasWords() {
        assertNull(OktaText.of(okta("Something new from Okta", "some.key.okta.added.later")).getMessageKey());
        assertNull(OktaText.of(okta("No key (the SDK dropped it)", null)).getMessageKey());
        assertEquals("Something new from Okta", OktaText.of(okta("Something new from Okta", "x")).toString());
    }

    @Test
    void aKeyWithoutTheParamItsTextNeedsLeavesOktasWords() {
        // A text with a hole in it would say less than Okta's own.
        OktaText t = OktaText.of(okta("Password requirements were not met.", "password.passwordRequirementsNotMet"));
        assertNull(t.getMessageKey());
        assertEquals("Password requirements were not met.", t.getText());
    }

    @Test
    void everyKnownKeyHasTextInEveryLanguageWithThePlaceholdersItsParamsFill() throws IOException {
        for (String language : List.of("", "de", "fr", "es", "ja")) {
            Properties bundle = new Properties();
            String name = "/io/oiefilter/messages" + (language.isEmpty() ? "" : "_" + language) + ".properties";
            try (InputStream in = OktaTextTest.class.getResourceAsStream(name);
                 java.io.Reader r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
                bundle.load(r);
            }
            OktaText.KNOWN.forEach((oktaKey, known) -> {
                String ourKey = known.bundleKey();
                String text = bundle.getProperty(ourKey);
                assertTrue(text != null && !text.isBlank(), ourKey + " in " + name);
                int params = known.params();
                for (int i = 0; i < 3; i++) {
                    assertEquals(i < params, text.contains("{" + i + "}"), ourKey + " {" + i + "} in " + name + ": " + text);
                }
            });
        }
        assertEquals("Die Antwort muss mindestens 4 Zeichen lang sein.", java.text.MessageFormat.format(
                ResourceBundle.getBundle("io.oiefilter.messages", Locale.GERMAN).getString("oie.okta.answerTooShort"), "4"));
    }
}
