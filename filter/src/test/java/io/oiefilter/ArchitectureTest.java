package io.oiefilter;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each Okta SDK stays behind its port: one file each, so a later SDK is a one-file change. */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");

    private static List<Path> filesImporting(String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("import " + prefix));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void onlyTheManagementPortImportsTheManagementSdk() throws IOException {
        assertEquals(List.of(SOURCES.resolve("io/oiefilter/mgmt/okta/OktaManagementPort.java")), filesImporting("com.okta.sdk"));
    }

    @Test
    void everyLogLineGoesThroughTheNeutralisingLog() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> direct = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getParent().endsWith(Path.of("io/oiefilter/log"))) // OieLog, and SdkLogs, which logs nothing
                    .filter(p -> {
                        try {
                            String text = Files.readString(p);
                            return text.contains("System.getLogger") || text.contains("java.util.logging") || text.contains("printStackTrace");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertEquals(List.of(), direct, "log through io.oiefilter.log.OieLog, which neutralises request and Okta values");
        }
    }

    @Test
    void onlyTheIdxPortsPackageImportsTheIdxSdk() throws IOException {
        Path port = SOURCES.resolve("io/oiefilter/idx/okta");
        List<Path> importers = filesImporting("com.okta.");
        assertFalse(importers.isEmpty(), "the port itself uses the SDK");
        assertEquals(List.of(), importers.stream().filter(p -> !p.getParent().equals(port))
                .filter(p -> !p.equals(SOURCES.resolve("io/oiefilter/mgmt/okta/OktaManagementPort.java"))).toList(),
                "okta-idx-java and okta-commons are used in io.oiefilter.idx.okta only");
        assertTrue(importers.contains(port.resolve("OktaIdxPort.java")));
    }

    @Test
    void theWebLayerKnowsNoIdxModelOnlyThePageContent() throws IOException {
        // The pages read the flow's PageContent; only the filter's wiring names the IDX port it builds.
        List<Path> web = filesImporting("io.oiefilter.idx").stream()
                .filter(p -> p.getParent().equals(SOURCES.resolve("io/oiefilter/web"))).toList();
        assertEquals(List.of(SOURCES.resolve("io/oiefilter/web/OieFilter.java")), web);
        try (Stream<Path> files = Files.list(SOURCES.resolve("io/oiefilter/web"))) {
            List<Path> namingRemediations = files.filter(p -> {
                try {
                    return Files.readString(p).matches("(?s).*\"(identify|enroll-profile|select-authenticator-\\w+|challenge-authenticator|"
                            + "enroll-authenticator|unlock-account|select-enroll-profile|skip)\".*");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), namingRemediations, "no remediation name in the web layer");
        }
    }

    @Test
    void everySignInPageSaysWhichFormsItTakes() throws IOException {
        String endpoints = Files.readString(SOURCES.resolve("io/oiefilter/web/SignInEndpoints.java"));
        for (io.oiefilter.flow.SignInView view : io.oiefilter.flow.SignInView.values()) {
            if (view != io.oiefilter.flow.SignInView.SIGNED_OUT) {
                assertTrue(endpoints.contains("Map.entry(SignInView." + view.name() + ","), view + " has no entry in ACTIONS");
            }
        }
    }

    @Test
    void onlyTheSecurityPackageNeedsJakartaSecurity() throws IOException {
        // Tomcat and Jetty have no Jakarta Security: the filter must never load a class that needs it.
        Path security = SOURCES.resolve("io/oiefilter/security");
        List<Path> outside = filesImporting("jakarta.security").stream().filter(p -> !p.getParent().equals(security)).toList();
        assertEquals(List.of(), outside, "jakarta.security.* is used in io.oiefilter.security only");
        List<Path> usingIt = filesImporting("io.oiefilter.security").stream().filter(p -> !p.getParent().equals(security)).toList();
        assertEquals(List.of(), usingIt, "nothing else in the filter refers to io.oiefilter.security");
        assertTrue(Files.readString(Path.of("src/main/resources/META-INF/services/jakarta.enterprise.inject.spi.Extension"))
                .contains("io.oiefilter.security.OieSecurityExtension"));
    }

    @Test
    void theMechanismIsNoBeanUntilTheAppDeclaresOne() {
        // A bean-defining annotation would turn container security on in every app on a Jakarta Security server.
        for (Class<?> type : List.of(io.oiefilter.security.OieAuthenticationMechanism.class,
                io.oiefilter.security.RolesAllowedInterceptor.class)) {
            assertEquals(0, type.getAnnotations().length, type + " carries no annotation: " + java.util.Arrays.toString(type.getAnnotations()));
        }
    }
}
