package io.oiefilter.it.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * jboss-cli run offline: an {@code embed-server} (admin-only, no server started) on a server base
 * folder, the commands applied to its {@code standalone.xml}, then stopped. Its output goes to
 * {@code target/servers/NAME-cli.log}.
 */
final class WildFlyCli {
    private static final long TIMEOUT_SECONDS = 240;

    private WildFlyCli() {
    }

    /** Runs {@code commands} against {@code base}'s configuration; throws, naming the log, unless every one succeeds. */
    static void runOffline(String name, Path home, Path base, List<String> jvmOptions, List<String> commands)
            throws IOException, InterruptedException {
        Path script = base.resolve("configure.cli");
        List<String> lines = new ArrayList<>();
        lines.add("embed-server --server-config=standalone.xml --std-out=echo");
        lines.addAll(commands);
        lines.add("stop-embedded-server");
        Files.write(script, lines);

        List<String> cmd = new ArrayList<>();
        cmd.add(ServerProcess.java());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Djboss.home.dir=" + home,
                "-Dlogging.configuration=" + home.resolve("bin/jboss-cli-logging.properties").toUri(),
                "-jar", home.resolve("jboss-modules.jar").toString(), "-mp", home.resolve("modules").toString(),
                "org.jboss.as.cli", "--file=" + script));
        Path log = ServerProcess.logDirectory().resolve(name + "-cli.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JBOSS_HOME", home.toString());
        Process cli = pb.start();
        if (!cli.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
            cli.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(name + ": jboss-cli did not finish in " + TIMEOUT_SECONDS + " s; see " + log);
        }
        if (cli.exitValue() != 0) {
            throw new IllegalStateException(name + ": jboss-cli failed (exit " + cli.exitValue() + ") on " + script
                    + "; see " + log);
        }
    }
}
