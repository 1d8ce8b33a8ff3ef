package io.oiefilter.flow;

import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.token.OidcProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What the flow tests share: a flow on the real IDX port, and "this answer is that page". */
final class FlowPages {
    private FlowPages() {
    }

    /** A flow through the real IDX port and SDK to the org {@code config} names (the simulator, in these tests). */
    static SignInFlow flow(OieConfig config) {
        return new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout()), config);
    }

    /** The answer is a page, of this view. */
    static FlowResult.Page page(FlowResult r, SignInView view) {
        FlowResult.Page p = assertInstanceOf(FlowResult.Page.class, r, r.toString());
        assertEquals(view, p.view(), p.messageKeys().toString());
        return p;
    }

    /** Identifier, then password, as a person signs in identifier first: the page that comes next, of this view. */
    static FlowResult.Page afterPassword(SignInFlow flow, String login, String password, SignInView expected) {
        FlowResult.Page passwordPage = page(flow.identify(page(flow.start(), SignInView.IDENTIFY).state(), login, null), SignInView.PASSWORD);
        return page(flow.answer(passwordPage.state(), password.toCharArray()), expected);
    }

    /** Okta's words about each field of a page, as Okta sent them. */
    static java.util.Map<String, java.util.List<String>> oktaWords(FlowResult.Page page) {
        java.util.Map<String, java.util.List<String>> out = new java.util.TreeMap<>();
        page.fieldMessages().forEach((field, texts) -> out.put(field, texts.stream().map(OktaText::getText).toList()));
        return out;
    }

    /** The filter's bundle key for each of Okta's messages about a field, with its params ("-" where it has none). */
    static java.util.Map<String, java.util.List<String>> oktaKeys(FlowResult.Page page) {
        java.util.Map<String, java.util.List<String>> out = new java.util.TreeMap<>();
        page.fieldMessages().forEach((field, texts) -> out.put(field, texts.stream()
                .map(t -> t.getMessageKey() == null ? "-" : t.getParams().isEmpty() ? t.getMessageKey() : t.getMessageKey() + t.getParams())
                .toList()));
        return out;
    }
}
