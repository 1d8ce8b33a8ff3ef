package io.oiefilter.javax;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The javax flavour ships with the same libraries as the filter (the Okta SDKs, the fixed versions of
 * what they bring, their exclusions), and the Java EE 8 APIs, provided, where the filter has Jakarta ones:
 * a dependency added to filter/pom.xml and not here fails this test.
 */
class DependenciesMirroredTest {
    /** Each Jakarta API the filter is compiled against, and its Java EE 8 counterpart. */
    private static final Map<String, String> JAVAX_API = Map.of(
            "jakarta.servlet:jakarta.servlet-api", "javax.servlet:javax.servlet-api",
            "jakarta.mail:jakarta.mail-api", "javax.mail:javax.mail-api",
            "jakarta.enterprise:jakarta.enterprise.cdi-api", "javax.enterprise:cdi-api",
            "jakarta.ws.rs:jakarta.ws.rs-api", "javax.ws.rs:javax.ws.rs-api",
            "jakarta.servlet.jsp.jstl:jakarta.servlet.jsp.jstl-api", "javax.servlet.jsp.jstl:javax.servlet.jsp.jstl-api",
            "org.glassfish.web:jakarta.servlet.jsp.jstl", "org.glassfish.web:javax.servlet.jsp.jstl",
            "jakarta.annotation:jakarta.annotation-api", "javax.annotation:javax.annotation-api",
            "jakarta.inject:jakarta.inject-api", "javax.inject:javax.inject",
            "jakarta.security.enterprise:jakarta.security.enterprise-api", "javax.security.enterprise:javax.security.enterprise-api",
            "jakarta.authentication:jakarta.authentication-api", "javax.security.auth.message:javax.security.auth.message-api");

    /**
     * The non-test dependencies of a pom, as "group:artifact scope [exclusions]", named through {@code rename}.
     * An API's exclusions are left out: the Jakarta and Java EE 8 artifacts do not depend on the same things.
     */
    private static TreeSet<String> dependencies(Path pom, Function<String, String> rename) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element deps = (Element) doc.getDocumentElement().getElementsByTagName("dependencies").item(0);
        TreeSet<String> out = new TreeSet<>();
        NodeList list = deps.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            if (d.getParentNode() != deps) {
                continue;
            }
            String scope = text(d, "scope", "compile");
            if (scope.equals("test")) {
                continue;
            }
            TreeSet<String> exclusions = new TreeSet<>();
            NodeList ex = d.getElementsByTagName("exclusion");
            for (int j = 0; j < ex.getLength(); j++) {
                Element e = (Element) ex.item(j);
                exclusions.add(text(e, "groupId", "") + ":" + text(e, "artifactId", ""));
            }
            String ga = text(d, "groupId", "") + ":" + text(d, "artifactId", "");
            boolean api = JAVAX_API.containsKey(ga) || JAVAX_API.containsValue(ga);
            out.add(rename.apply(ga) + " " + scope + (api ? "" : " " + exclusions));
        }
        return out;
    }

    private static String text(Element e, String child, String otherwise) {
        NodeList n = e.getElementsByTagName(child);
        return n.getLength() == 0 ? otherwise : n.item(0).getTextContent().trim();
    }

    @Test
    void theSameLibrariesAsTheFilterWithTheJavaEe8Apis() throws Exception {
        TreeSet<String> filter = dependencies(Path.of("..", "filter", "pom.xml"), ga -> JAVAX_API.getOrDefault(ga, ga));
        TreeSet<String> javax = dependencies(Path.of("pom.xml"), Function.identity());
        assertEquals(String.join("\n", filter), String.join("\n", javax));
    }
}
