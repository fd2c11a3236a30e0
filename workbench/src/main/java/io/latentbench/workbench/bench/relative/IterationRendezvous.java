package io.latentbench.workbench.bench.relative;

import io.latentbench.workbench.bench.relative.barrier.IterationBarrier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The run's side of {@link IterationBarrier} for one pair whose forks are alive at the same time: a
 * loopback port where the two meet before each iteration, served on a thread of its own until both
 * have ended. Each pair gets its own port, so a fork of an earlier pair can never take part.
 *
 * <p>Met together, both forks start each iteration at once. Met in turns, one runs the iteration
 * while the other waits, then the other; which goes first alternates (A B, B A, A B, ...), so that a
 * drift of the machine over the run adds as much to one side as to the other.
 */
final class IterationRendezvous implements AutoCloseable {

    /** How long the first fork to arrive waits for the other one to connect before it runs alone. */
    private static final int CONNECT_MILLIS = 120_000;
    /** How long one fork may take from one iteration to the next before the pair lets go. */
    private static final int ITERATION_MILLIS = 10 * 60 * 1000;
    /** How long closing waits for the serving thread, which ends as soon as both connections do. */
    private static final int CLOSE_MILLIS = 5_000;
    private static final SecureRandom TOKENS = new SecureRandom();

    private final ServerSocket server;
    private final String token;
    private final List<Socket> forks = new ArrayList<>();
    private final Thread thread;
    private final boolean turns;
    private volatile int together;

    private IterationRendezvous(ServerSocket server, String token, boolean turns) {
        this.server = server;
        this.token = token;
        this.turns = turns;
        this.thread = new Thread(this::serve, "latentbench-iteration-barrier");
        thread.setDaemon(true);
    }

    /** Opens a pair's port where the forks started with {@link #profilerOption} start each iteration together. */
    static IterationRendezvous open() throws IOException {
        return open(false);
    }

    /** Opens a pair's port where the forks started with {@link #profilerOption} take turns at each iteration. */
    static IterationRendezvous openForTurns() throws IOException {
        return open(true);
    }

    private static IterationRendezvous open(boolean turns) throws IOException {
        ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress());
        server.setSoTimeout(CONNECT_MILLIS);
        byte[] bytes = new byte[8];
        TOKENS.nextBytes(bytes);
        IterationRendezvous r = new IterationRendezvous(server, HexFormat.of().formatHex(bytes), turns);
        r.thread.start();
        return r;
    }

    /** JMH's {@code -prof} argument that makes a fork meet here. */
    String profilerOption() {
        return IterationBarrier.class.getName() + ":" + server.getLocalPort() + "/" + token;
    }

    /** How many iterations the two forks started together (or in turns) so far. */
    int together() {
        return together;
    }

    private void serve() {
        try (server) {
            List<BufferedReader> in = new ArrayList<>();
            List<Writer> out = new ArrayList<>();
            while (in.size() < 2) {
                Socket s = server.accept();
                synchronized (forks) {
                    forks.add(s);
                }
                s.setSoTimeout(ITERATION_MILLIS);
                BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                if (token.equals(r.readLine())) {
                    in.add(r);
                    out.add(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8));
                } else {
                    s.close(); // not one of this pair's forks
                }
            }
            while (true) {
                String a = arrival(in.get(0), out.get(0));
                String b = arrival(in.get(1), out.get(1));
                if (a == null || !a.equals(b)) {
                    break; // a fork has ended, or they disagree: both go on alone
                }
                // counted before the forks are let go, so that whoever hears "go" can count it too
                together++;
                if (!turns) {
                    go(out.get(0));
                    go(out.get(1));
                    continue;
                }
                // each says it is done and waits: both are let go once the second's turn is over
                int first = together % 2;
                go(out.get(first));
                if (!IterationBarrier.DONE.equals(in.get(first).readLine())) {
                    break; // the first fork ended or broke off mid-iteration: the other goes on alone
                }
                go(out.get(1 - first));
                if (!IterationBarrier.DONE.equals(in.get(1 - first).readLine())) {
                    break;
                }
                go(out.get(0));
                go(out.get(1));
            }
        } catch (IOException e) {
            // a fork never came, stalled or broke its connection, or the pair was closed: the other goes on alone
        } finally {
            closeForks();
        }
    }

    /**
     * The iteration a fork has come to next, null at its end. Together, a fork's word that its last
     * iteration is done is answered at once (in turns the serving loop answers it).
     */
    private static String arrival(BufferedReader in, Writer out) throws IOException {
        String line = in.readLine();
        while (IterationBarrier.DONE.equals(line)) {
            go(out);
            line = in.readLine();
        }
        return line;
    }

    private static void go(Writer out) throws IOException {
        out.write("go\n");
        out.flush();
    }

    private void closeForks() {
        synchronized (forks) {
            for (Socket s : forks) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the fork reads the end of the stream or an error: it goes on alone either way
                }
            }
        }
    }

    /** Lets both forks go (they have ended, or failed), closes the port and waits for the serving thread. */
    @Override
    public void close() throws InterruptedException {
        try {
            server.close();
        } catch (IOException ignored) {
            // closed by the serving thread already, or never to be used again
        }
        closeForks();
        thread.join(CLOSE_MILLIS);
    }

    /**
     * Writes a jar of the barrier's class alone into {@code dir}, for the front of both sides' class
     * paths: neither side's benchmarks come with it, and either side's own copy, if it has one, is
     * shadowed by the run's.
     */
    static Path writeJar(Path dir) throws IOException {
        String entry = IterationBarrier.class.getName().replace('.', '/') + ".class";
        Path file = dir.resolve("iteration-barrier.jar");
        Files.createDirectories(dir);
        try (InputStream clazz = IterationBarrier.class.getClassLoader().getResourceAsStream(entry)) {
            if (clazz == null) {
                throw new IOException("the class file " + entry + " is not on this JVM's class path");
            }
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
                jar.putNextEntry(new JarEntry(entry));
                clazz.transferTo(jar);
                jar.closeEntry();
            }
        }
        return file;
    }
}
