package io.oiefilter.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URI;
import java.net.URL;

/** The sample WAR exactly as the sample-war module built it. */
final class SampleDeployment {
    static final String ALICE = "alice@example.com";
    static final String ALICE_PASSWORD = "Wonderland-2026!";
    static final String CLIENT_ID = "0oa-demo-web-app";
    static final String REDIRECT_URI = "http://localhost:8080/sample/authorization-code/callback";

    private SampleDeployment() {
    }

    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.sampleWar")));
    }

    /** A page with its per-request values (CSRF token, step id) and the login typed blanked out, to compare pages. */
    static String normalised(String html, String login) {
        return html.replaceAll("name=\"(_csrf|step)\" value=\"[^\"]*\"", "name=\"$1\" value=\"\"")
                .replace(login, "LOGIN").replaceAll("in \\d+ seconds", "in N seconds");
    }

    /** Arquillian's URL, always ending in a slash. */
    static URI base(URL deployed) {
        String s = deployed.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }
}
