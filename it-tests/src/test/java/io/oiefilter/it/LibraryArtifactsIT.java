package io.oiefilter.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library is publishable as the build makes it: a jar with a stable module name and its licence, a sources jar
 * and a javadoc jar (the build resolves all three from the reactor, and fails before this test if one is missing),
 * and a parent POM with what a repository asks for. Reads files only; no server is started.
 */
class LibraryArtifactsIT {
    private static final Path LIBRARY = Path.of(Objects.requireNonNull(System.getProperty("it.library"), "system property it.library"));

    private static JarFile jar(String name) throws IOException {
        Path file = LIBRARY.resolve(name);
        assertTrue(Files.isRegularFile(file), "no " + file);
        return new JarFile(file.toFile());
    }

    @Test
    void theJarHasItsModuleNameAndLicence() throws IOException {
        try (JarFile jar = jar("oie-filter.jar")) {
            Manifest manifest = jar.getManifest();
            assertNotNull(manifest, "a manifest");
            assertEquals("io.oiefilter", manifest.getMainAttributes().getValue("Automatic-Module-Name"));
            assertNotNull(manifest.getMainAttributes().getValue("Implementation-Version"));
            assertNotNull(jar.getEntry("META-INF/LICENSE"), "the licence in the jar");
            assertNotNull(jar.getEntry("io/oiefilter/web/OieFilter.class"));
        }
    }

    @Test
    void sourcesAndJavadocAreThere() throws IOException {
        try (JarFile sources = jar("oie-filter-sources.jar"); JarFile javadoc = jar("oie-filter-javadoc.jar")) {
            assertNotNull(sources.getEntry("io/oiefilter/web/OieFilter.java"));
            assertNotNull(sources.getEntry("io/oiefilter/spi/Extensions.java"));
            assertNotNull(javadoc.getEntry("index.html"));
            // Under the module's name when javadoc reads the Automatic-Module-Name, else at the root.
            assertTrue(hasPage(javadoc, "io/oiefilter/spi/Extensions.html"), "the SPI documented");
            assertTrue(hasPage(javadoc, "io/oiefilter/web/AuthenticationEntryPoint.html"));
        }
    }

    private static boolean hasPage(JarFile javadoc, String page) {
        return javadoc.getEntry(page) != null || javadoc.getEntry("io.oiefilter/" + page) != null;
    }

    @Test
    void theParentPomHasWhatARepositoryAsksFor() throws IOException {
        String pom = Files.readString(Path.of(Objects.requireNonNull(System.getProperty("it.parentPom"), "system property it.parentPom")));
        for (String element : new String[] {"<url>", "<licenses>", "<name>Apache-2.0</name>", "<developers>", "<scm>", "<description>"}) {
            assertTrue(pom.contains(element), "the parent POM has no " + element);
        }
        Path licence = Path.of(System.getProperty("it.parentPom")).resolveSibling("LICENSE");
        assertTrue(Files.readString(licence).contains("Apache License") && Files.readString(licence).contains("Version 2.0"), licence.toString());
    }
}
