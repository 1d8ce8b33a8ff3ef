package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SecurityQuestions;

import java.util.Map;

/**
 * What the security question's pages carry, as recorded. Enrolling (widget error-authenticator-enroll-security-question*.json,
 * enroll-security-question-with-character-limit-error.json): credentials offering "Choose a security question"
 * (questionKey among Okta's, answer) or "Create my own security question" (questionKey "custom", question, answer),
 * and contextualData with questionKeys and questions. Verifying (okta-idx-java challenge-security-question-response.json):
 * the enrollment's question in profile and contextualData.enrolledQuestion, credentials questionKey (hidden) and answer.
 */
final class SecurityQuestionForms {
    private final ObjectMapper json;
    private final IonForms ion;

    SecurityQuestionForms(ObjectMapper json, IonForms ion) {
        this.json = json;
        this.ion = ion;
    }

    /** enroll-authenticator's credentials, with a refused field's message where the recordings put it. */
    ObjectNode enrollCredentials(Problem problem) {
        ObjectNode questionKey = json.createObjectNode().put("name", "questionKey").put("type", "string")
                .put("label", "Choose a security question").put("required", true);
        ArrayNode choices = json.createArrayNode();
        SecurityQuestions.predefinedQuestions().forEach((k, q) -> choices.add(json.createObjectNode().put("label", q).put("value", k)));
        questionKey.set("options", choices);
        ObjectNode predefined = option("Choose a security question", problem, questionKey, answerField());
        ObjectNode custom = option("Create my own security question", problem,
                json.createObjectNode().put("name", "questionKey").put("required", true).put("value", SecurityQuestions.CUSTOM)
                        .put("mutable", false),
                json.createObjectNode().put("name", "question").put("label", "Create a security question").put("required", true),
                answerField());
        ObjectNode credentials = json.createObjectNode().put("name", "credentials").put("type", "object").put("required", true);
        credentials.set("options", json.createArrayNode().add(predefined).add(custom));
        return credentials;
    }

    /** currentAuthenticator.value.contextualData while enrolling. */
    ObjectNode enrollContextualData() {
        ObjectNode data = json.createObjectNode();
        ArrayNode keys = data.putArray("questionKeys");
        SecurityQuestions.questionKeys().forEach(keys::add);
        ArrayNode questions = data.putArray("questions");
        for (Map.Entry<String, String> q : SecurityQuestions.predefinedQuestions().entrySet()) {
            questions.add(json.createObjectNode().put("questionKey", q.getKey()).put("question", q.getValue()));
        }
        return data;
    }

    /** challenge-authenticator's credentials: the enrolled questionKey, hidden and fixed, labelled with the question. */
    ObjectNode challengeCredentials(OrgUser user, Problem problem) {
        OrgUser.SecurityQuestion q = user.securityQuestion();
        ObjectNode questionKey = json.createObjectNode().put("name", "questionKey").put("label", q.question()).put("required", true)
                .put("value", q.questionKey()).put("visible", false).put("mutable", false);
        ArrayNode fields = json.createArrayNode().add(withMessages(questionKey, problem)).add(withMessages(answerField(), problem));
        ObjectNode credentials = json.createObjectNode().put("name", "credentials").put("type", "object");
        credentials.set("form", json.createObjectNode().set("value", fields));
        credentials.put("required", true);
        return credentials;
    }

    /** An enrollment's profile, and (verifying) its contextualData.enrolledQuestion: {questionKey, question}. */
    ObjectNode enrolledQuestion(OrgUser user) {
        OrgUser.SecurityQuestion q = user.securityQuestion();
        return json.createObjectNode().put("questionKey", q.questionKey()).put("question", q.question());
    }

    private ObjectNode answerField() {
        return json.createObjectNode().put("name", "answer").put("label", "Answer").put("required", true).put("secret", true);
    }

    private ObjectNode option(String label, Problem problem, ObjectNode... fields) {
        ArrayNode values = json.createArrayNode();
        for (ObjectNode f : fields) {
            values.add(withMessages(f, problem));
        }
        ObjectNode option = json.createObjectNode().put("label", label);
        option.set("value", json.createObjectNode().set("form", json.createObjectNode().set("value", values)));
        return option;
    }

    /** The problem's message on the field it names; numeric params are numbers, as recorded ("params": [4]). */
    private ObjectNode withMessages(ObjectNode field, Problem problem) {
        if (problem == null || !problem.fieldLevel() || !problem.field().equals(field.path("name").asText())) {
            return field;
        }
        ObjectNode i18n = json.createObjectNode().put("key", problem.i18nKey());
        if (problem.params() != null) {
            ArrayNode params = i18n.putArray("params");
            problem.params().forEach(p -> {
                if (p.matches("\\d+")) {
                    params.add(Integer.parseInt(p));
                } else {
                    params.add(p);
                }
            });
        }
        ObjectNode m = json.createObjectNode().put("message", problem.message());
        m.set("i18n", i18n);
        m.put("class", "ERROR");
        field.set("messages", ion.wrap("array", json.createArrayNode().add(m)));
        return field;
    }
}
