package io.oiefilter.it;

import io.oiefilter.it.cdi.ActivationAudit;
import io.oiefilter.it.cdi.AuditedActivationStrategy;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The apps WildFlyIT deploys next to the sample, built with ShrinkWrap from the sample WAR and
 * written to files (WildFly deploys files; the context root is the file name).
 */
final class WildFlyWars {
    static final String CDI_STRATEGY = "cdi-strategy";
    static final String OWN_JACKSON = "own-jackson";

    private WildFlyWars() {
    }

    /** The sample with a CDI bean as its activation strategy (any domain), 2 starts per login, the attempt store left at its default. */
    static Path cdiStrategy(Path dir) throws IOException {
        WebArchive war = SampleDeployment.war("oie.activation.maxStartsPerLogin=2", "io.oiefilter.sample.ExampleDomainActivationStrategy",
                AuditedActivationStrategy.class.getName()).addClasses(AuditedActivationStrategy.class, ActivationAudit.class);
        return export(war, dir, CDI_STRATEGY);
    }

    /**
     * The sample with the README's recipe for running on its own Jackson (WildFly's kept out, JAX-RS on
     * JSON-B), and a page naming the jar ObjectMapper comes from: the one the Okta SDKs use.
     */
    static Path ownJackson(Path dir) throws IOException {
        WebArchive war = SampleDeployment.war();
        String webXml = read(war);
        String preferJsonB = "<context-param>\n    <param-name>resteasy.preferJacksonOverJsonB</param-name>\n"
                + "    <param-value>false</param-value>\n  </context-param>\n  <filter>";
        war.setWebXML(new StringAsset(webXml.replaceFirst("<filter>", preferJsonB)))
                .addAsWebInfResource(new ClassLoaderAsset("wildfly/jboss-deployment-structure.xml"), "jboss-deployment-structure.xml")
                .addAsWebResource(new StringAsset("<%@ page contentType=\"text/plain\" %>"
                        + "<%= com.fasterxml.jackson.databind.ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation() %>"),
                        "jackson.jsp");
        return export(war, dir, OWN_JACKSON);
    }

    private static String read(WebArchive war) {
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path export(WebArchive war, Path dir, String contextRoot) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(contextRoot + ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }
}
