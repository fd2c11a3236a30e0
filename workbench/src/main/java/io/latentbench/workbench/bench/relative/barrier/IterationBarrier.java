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
 * relative run which iteration its fork is about to start and waits for the word to go, which the
 * run gives when the other fork of the pair has come to the same iteration. So the two forks of a
 * pair start every iteration together (Bulej et al., "Duet Benchmarking", ICPE 2020) instead of
 * drifting apart by their start-up and set-up times, which left the last iterations of the later
 * fork running alone: two threads on a machine of their own, twice as fast as when shared.
 *
 * <p>Options ({@code -prof CLASS:PORT/TOKEN}): the run's loopback port, and the pair's token, which
 * the fork says first. When the run is gone or lets go (the other fork ended or failed), the fork
 * carries on without waiting.
 */
public final class IterationBarrier implements InternalProfiler {

    /** How long a fork waits for the other one at an iteration before it carries on alone. */
    private static final int WAIT_MILLIS = 10 * 60 * 1000;

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
        return "latentbench: starts each iteration together with the other fork of a relative run's pair";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (alone) {
            return;
        }
        try {
            if (socket == null) {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(WAIT_MILLIS);
                in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                out.write(token + "\n");
            }
            iteration++;
            out.write(iteration + "\n");
            out.flush();
            if (in.readLine() == null) {
                letGo(null);
            }
        } catch (IOException e) {
            letGo(e);
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        return List.of();
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
