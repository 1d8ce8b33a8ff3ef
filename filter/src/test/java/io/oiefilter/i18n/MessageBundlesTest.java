package io.oiefilter.i18n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shipped language has every text of the English bundle, with the same placeholders, and reads as written. */
class MessageBundlesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "ja"})
    void everyKeyWithTheSamePlaceholders(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties other = load("messages_" + language + ".properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(other.stringPropertyNames()),
                "messages_" + language + " has exactly the keys of messages.properties");
        for (String key : english.stringPropertyNames()) {
            String text = other.getProperty(key);
            assertTrue(!text.isBlank(), key + " is translated in " + language);
            assertEquals(placeholders(english.getProperty(key)), placeholders(text), key + "'s placeholders in " + language);
        }
    }

    /**
     * The pages format error texts and texts with placeholders through MessageFormat, where a plain apostrophe
     * starts a quote and would swallow text (French "l'adresse"): the translations use the typographic one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "ja"})
    void formattingKeepsEveryWord(String language) throws IOException {
        Properties other = load("messages_" + language + ".properties");
        for (String key : other.stringPropertyNames()) {
            String text = other.getProperty(key);
            String formatted = new MessageFormat(text, Locale.forLanguageTag(language)).format(new Object[] {"X"});
            assertEquals(text.replace("{0}", "X"), formatted, key + " in " + language);
        }
    }

    /** The bundle as the pages look it up: German for German, English for English even on a German server. */
    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "ja"})
    void lookedUpByLanguage(String language) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(language));
            ResourceBundle translated = ResourceBundle.getBundle("io.oiefilter.messages", Locale.forLanguageTag(language));
            ResourceBundle english = ResourceBundle.getBundle("io.oiefilter.messages", Locale.ENGLISH);
            assertEquals("Sign in", english.getString("oie.title.signIn"));
            assertNotEquals("Sign in", translated.getString("oie.title.signIn"));
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/io/oiefilter/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
