package io.oiefilter.it;

import io.oiefilter.it.servers.JarSearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks of a started server beyond the journeys: what it lacks, and what the filter's log line said then. */
final class ServerChecks {
    private static final String JCACHE = "javax/cache/Cache.class";

    private ServerChecks() {
    }

    /**
     * Neither the server nor the WAR has JCache (javax.cache), and the filter started all the same: its
     * throttles count in memory, the default (the journeys' activation goes through them).
     */
    static void filterRunsWithoutJCache(List<Path> serverLibraries, Path war, Path serverLog) throws IOException {
        assertEquals(List.of(), JarSearch.inFolders(serverLibraries, JCACHE), "JCache on the server's class path");
        assertEquals(List.of(), JarSearch.inWar(war, JCACHE), "JCache in the WAR");
        String log = new String(Files.readAllBytes(serverLog), StandardCharsets.UTF_8);
        assertTrue(log.contains("oie-filter started: "), "the filter's start line in " + serverLog);
        assertFalse(log.contains("oie-filter is NOT running"), "the filter refused to start; see " + serverLog);
    }
}
