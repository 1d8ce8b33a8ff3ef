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

    /** The sample WAR with its web.xml changed: init-params added ({@code name=value,…}), a text replaced. */
    static WebArchive war(String initParams, String replace, String with) {
        WebArchive war = war();
        String webXml;
        try (java.io.InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String anchor = "<init-param>\n      <param-name>oie.excludedPaths</param-name>";
        if (!webXml.contains(anchor) || (replace != null && !webXml.contains(replace))) {
            throw new IllegalStateException("the sample's web.xml changed; update this helper");
        }
        StringBuilder added = new StringBuilder();
        for (String pair : initParams.split(",")) {
            String[] nv = pair.split("=", 2);
            added.append("<init-param>\n      <param-name>").append(nv[0]).append("</param-name>\n      <param-value>")
                    .append(nv[1]).append("</param-value>\n    </init-param>\n    ");
        }
        String modified = webXml.replace(anchor, added + anchor);
        if (replace != null) {
            modified = modified.replace(replace, with);
        }
        return war.setWebXML(new org.jboss.shrinkwrap.api.asset.StringAsset(modified));
    }

    /** A page with its per-request values (CSRF token, step id) and the login typed blanked out, to compare pages. */
    static String normalised(String html, String login) {
        return html.replaceAll("name=\"(_csrf|step)\" value=\"[^\"]*\"", "name=\"$1\" value=\"\"")
                .replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"") // each response's own script nonce
                .replace(login, "LOGIN").replaceAll("in \\d+ seconds", "in N seconds")
                .replaceAll("(<span id=\"oie-resend-seconds\">)\\d+(</span>)", "$1N$2"); // the resend countdown
    }

    /** Arquillian's URL, always ending in a slash. */
    static URI base(URL deployed) {
        String s = deployed.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }
}
