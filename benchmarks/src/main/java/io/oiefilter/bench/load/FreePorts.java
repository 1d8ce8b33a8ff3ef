package io.oiefilter.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Prints N distinct free TCP ports on 127.0.0.1 (all held open while choosing, so none repeats), one a line. */
public final class FreePorts {
    private FreePorts() {
    }

    public static void main(String[] args) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < Integer.parseInt(args[0]); i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                System.out.println(s.getLocalPort());
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
