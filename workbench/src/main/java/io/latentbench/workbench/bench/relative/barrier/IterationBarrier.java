package io.latentbench.workbench.bench.relative.barrier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

/**
 * A JMH profiler that measures nothing: before each iteration, warm-up included, it tells the
 * relative run which iteration its fork is about to start, and after it that the iteration is done,
 * and each time waits for the word to go. Before an iteration the run gives the word when the other
 * fork of the pair has come to the same iteration: to both at once, so that the two forks start
 * every iteration together (Bulej et al., "Duet Benchmarking", ICPE 2020) instead of drifting apart
 * by their start-up and set-up times, which left the last iterations of the later fork running
 * alone; or to one and, when that one is done, to the other, so that the pair's forks take turns at
 * each iteration. After an iteration a fork in turns waits until the other's turn is over too: its
 * own work between iterations, and its exit after the last one, would run during the other's.
 *
 * <p>Options ({@code -prof CLASS:PORT/TOKEN}): the run's loopback port, and the pair's token, which
 * the fork says first. When the run is gone or lets go (the other fork ended or failed), the fork
 * carries on without waiting.
 */
public final class IterationBarrier implements InternalProfiler {

    /** How long a fork waits for the other one at an iteration before it carries on alone. */
    private static final int WAIT_MILLIS = 10 * 60 * 1000;

    /** What a fork says when its iteration has ended (between them it says the number of the next). */
    public static final String DONE = "done";

    private final int port;
    private final String token;
    private Socket socket;
    private BufferedReader in;
    private Writer out;
    private int iteration;
    private boolean alone;

    public IterationBarrier(String options) throws ProfilerException {
        String[] parts = options == null ? new String[0] : options.split("/", 2);
        try {
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new NumberFormatException();
            }
            this.port = Integer.parseInt(parts[0].strip());
            this.token = parts[1].strip();
        } catch (NumberFormatException e) {
            throw new ProfilerException("the iteration barrier's options are '" + options + "'; expected PORT/TOKEN");
        }
    }

    @Override
    public String getDescription() {
        return "latentbench: starts each iteration together with the other fork of a relative run's pair, or in turns";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (alone) {
            return;
        }
        if (socket == null) {
            try {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(WAIT_MILLIS);
                in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                out.write(token + "\n");
            } catch (IOException e) {
                letGo(e);
                return;
            }
        }
        iteration++;
        sayAndWait(Integer.toString(iteration));
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        if (!alone && socket != null) {
            sayAndWait(DONE);
        }
        return List.of();
    }

    /** Tells the run {@code word} and waits for the word to go on; lets go when the run is gone. */
    private void sayAndWait(String word) {
        try {
            out.write(word + "\n");
            out.flush();
            if (in.readLine() == null) {
                letGo(null);
            }
        } catch (IOException e) {
            letGo(e);
        }
    }

    /** From here on, iterations start without waiting. */
    private void letGo(IOException why) {
        alone = true;
        if (why != null) {
            System.err.println("latentbench iteration barrier: " + why + "; the iterations from "
                    + iteration + " on start without the other fork");
        }
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is a courtesy to the run, which notices the end of the stream either way
            }
        }
    }
}
