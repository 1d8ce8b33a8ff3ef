package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.org.SecurityQuestions;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A security question answered on challenge/answer. Enrolling, credentials are {questionKey, answer} for one of
 * Okta's questions or {questionKey: "custom", question, answer} for one's own; verifying, {questionKey, answer}.
 * Refusals as the widget recorded them, 400 and under their fields (error-authenticator-enroll-security-question*.json,
 * enroll-security-question-with-character-limit-error.json): an answer under 4 characters, a question with HTML tags.
 */
final class SecurityQuestionSteps {
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");

    /** Recorded: under both answer fields, the minimum length as a number param. */
    static final Problem ANSWER_TOO_SHORT = new Problem(400, "The security question answer must be at least 4 characters in length",
            "securityQuestion.answer.tooShort.arg", true, "answer", List.of(String.valueOf(SecurityQuestions.MIN_ANSWER_LENGTH)));
    /** Recorded (error-authenticator-enroll-security-question-html-tags.json): under the custom question, no params. */
    static final Problem TAGS_NOT_ALLOWED = new Problem(400, "The field must not contain HTML tags", "tagsNotAllowed", true, "question", null);
    /** Not recorded for this form: the wording Okta records for a blank profile field (model.validation.field.blank). */
    static final Problem QUESTION_BLANK = new Problem(400, "This field cannot be left blank", "model.validation.field.blank", true,
            "question", null);
    /** Not recorded: a questionKey that is neither Okta's nor "custom" gets Okta's generic validation error at the top. */
    static final Problem QUESTION_KEY_INVALID = new Problem(400, "Api validation failed: questionKey", "E0000001", false);
    /**
     * A wrong answer. No recording of it exists among the fixtures, so it takes the shape of the simulator's other wrong
     * answers (Problem.CODE_INVALID: 401, api.authn.error.PASSCODE_INVALID), under the answer field.
     */
    static final Problem ANSWER_INVALID = new Problem(401, Problem.CODE_INVALID.message(), Problem.CODE_INVALID.i18nKey(), true,
            "answer");

    private SecurityQuestionSteps() {
    }

    /** Null when accepted (enrolled or verified); else why not. */
    static Problem answer(Interaction i, JsonNode credentials, Instant now) {
        String questionKey = credentials.path("questionKey").asText("");
        String answer = credentials.path("answer").asText("");
        if (i.mode != Interaction.Mode.ENROLL) {
            boolean sameQuestion = questionKey.isEmpty() || questionKey.equals(i.user.securityQuestion().questionKey());
            return sameQuestion && i.user.securityAnswerMatches(answer) ? null : ANSWER_INVALID;
        }
        boolean custom = SecurityQuestions.CUSTOM.equals(questionKey);
        if (!custom && SecurityQuestions.question(questionKey) == null) {
            return QUESTION_KEY_INVALID;
        }
        String question = credentials.path("question").asText("");
        if (custom && question.isBlank()) {
            return QUESTION_BLANK;
        }
        if (custom && HTML_TAG.matcher(question).find()) {
            return TAGS_NOT_ALLOWED;
        }
        if (answer.trim().length() < SecurityQuestions.MIN_ANSWER_LENGTH) {
            return ANSWER_TOO_SHORT;
        }
        i.user.enrollSecurityQuestion(questionKey, custom ? question : null, answer, now);
        return null;
    }
}
