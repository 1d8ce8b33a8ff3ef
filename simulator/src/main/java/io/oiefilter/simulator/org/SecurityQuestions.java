package io.oiefilter.simulator.org;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Okta's predefined security questions, in the order Okta lists them (the questionKey options of the widget's
 * recordings error-authenticator-enroll-security-question*.json and enroll-security-question-with-character-limit-error.json),
 * the key "custom" for a question of one's own, and how an answer is kept: only a salted PBKDF2 hash of it.
 */
public final class SecurityQuestions {
    /** The key of a question the user wrote. */
    public static final String CUSTOM = "custom";
    /** Okta refuses shorter answers (securityQuestion.answer.tooShort.arg, params [4], as recorded). */
    public static final int MIN_ANSWER_LENGTH = 4;

    private static final Map<String, String> PREDEFINED = predefined();
    /** contextualData.questionKeys exactly as recorded: Okta's own order, "custom" among them. */
    private static final List<String> QUESTION_KEYS = List.of("favorite_vacation_location", "first_music_purchase", "favorite_toy",
            "grandmother_favorite_desert", "favorite_sports_player", CUSTOM, "disliked_food", "favorite_movie_quote",
            "favorite_book_movie_character", "first_computer_game", "first_thing_cooked", "first_award", "name_of_first_plush_toy",
            "place_where_significant_other_was_met", "favorite_art_piece", "childhood_dream_job", "new_years_two_thousand",
            "favorite_security_question", "favorite_speaker_actor", "first_sports_team_mascot");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 10_000;

    private SecurityQuestions() {
    }

    private static Map<String, String> predefined() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("disliked_food", "What is the food you least liked as a child?");
        m.put("name_of_first_plush_toy", "What is the name of your first stuffed animal?");
        m.put("first_award", "What did you earn your first medal or award for?");
        m.put("favorite_security_question", "What is your favorite security question?");
        m.put("favorite_toy", "What is the toy/stuffed animal you liked the most as a kid?");
        m.put("first_computer_game", "What was the first computer game you played?");
        m.put("favorite_movie_quote", "What is your favorite movie quote?");
        m.put("first_sports_team_mascot", "What was the mascot of the first sports team you played on?");
        m.put("first_music_purchase", "What music album or song did you first purchase?");
        m.put("favorite_art_piece", "What is your favorite piece of art?");
        m.put("grandmother_favorite_desert", "What was your grandmother's favorite dessert?");
        m.put("first_thing_cooked", "What was the first thing you learned to cook?");
        m.put("childhood_dream_job", "What was your dream job as a child?");
        m.put("place_where_significant_other_was_met", "Where did you meet your spouse/significant other?");
        m.put("favorite_vacation_location", "Where did you go for your favorite vacation?");
        m.put("new_years_two_thousand", "Where were you on New Year's Eve in the year 2000?");
        m.put("favorite_speaker_actor", "Who is your favorite speaker/orator?");
        m.put("favorite_book_movie_character", "Who is your favorite book/movie character?");
        m.put("favorite_sports_player", "Who is your favorite sports player?");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The predefined questions by key, in Okta's order. */
    public static Map<String, String> predefinedQuestions() {
        return PREDEFINED;
    }

    public static List<String> questionKeys() {
        return QUESTION_KEYS;
    }

    /** The text of a predefined question, or null for "custom" and unknown keys. */
    public static String question(String questionKey) {
        return questionKey == null ? null : PREDEFINED.get(questionKey);
    }

    /**
     * What is compared: the answer trimmed and lower-cased. People retype an answer with other capitals or a stray
     * space ("Paris " for "paris") and it is still their answer; Okta's own answers are not case-sensitive either.
     */
    static String normalize(String answer) {
        return answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
    }

    /** A new random salt and the hash of the normalized answer: "salt-hex:hash-hex". */
    static String hash(String answer) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return hex(salt) + ":" + hex(pbkdf2(normalize(answer), salt));
    }

    static boolean matches(String stored, String candidate) {
        if (stored == null || candidate == null) {
            return false;
        }
        String[] parts = stored.split(":", 2);
        byte[] expected = java.util.HexFormat.of().parseHex(parts[1]);
        return MessageDigest.isEqual(expected, pbkdf2(normalize(candidate), java.util.HexFormat.of().parseHex(parts[0])));
    }

    private static byte[] pbkdf2(String normalized, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(normalized.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
