package io.latentbench.workbench.bench.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.bench.relative.barrier.IterationBarrier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.ProfilerException;

/** Two barriers in this JVM stand for the two forks of a pair. */
class IterationRendezvousTest {

    private static IterationBarrier fork(IterationRendezvous r) throws ProfilerException {
        return new IterationBarrier(r.profilerOption().substring(r.profilerOption().indexOf(':') + 1));
    }

    @Test
    void eachIterationStartsOnlyWhenBothForksHaveComeToIt() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        try (IterationRendezvous r = IterationRendezvous.open()) {
            IterationBarrier quick = fork(r);
            IterationBarrier slow = fork(r);
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 3; i++) {
                    quick.beforeIteration(null, null);
                    events.add("quick starts " + i);
                    quick.afterIteration(null, null, null); // its word that it is done is answered
                }
            });
            for (int i = 1; i <= 3; i++) {
                Thread.sleep(100); // the slow fork's set-up, then each of its iterations
                events.add("slow arrives " + i);
                slow.beforeIteration(null, null);
                if (i < 3) {
                    slow.afterIteration(null, null, null); // (after its last, a real fork's JVM ends)
                }
            }
            a.get(30, TimeUnit.SECONDS);
            assertThat(r.together()).isEqualTo(3);
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(events.indexOf("quick starts " + i)).as("iteration %d", i)
                    .isGreaterThan(events.indexOf("slow arrives " + i));
        }
    }

    @Test
    void inTurnsOneForkRunsEachIterationWhileTheOtherWaitsAndTheyAlternateWhoGoesFirst() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        try (IterationRendezvous r = IterationRendezvous.openForTurns()) {
            IterationBarrier a = fork(r);
            IterationBarrier b = fork(r);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> iterate(a, "a", events));
            iterate(b, "b", events);
            first.get(30, TimeUnit.SECONDS);
            assertThat(r.together()).isEqualTo(4);
        }
        List<String> turns = events.stream().filter(e -> !e.contains("released")).toList();
        List<String> firsts = new ArrayList<>();
        for (int i = 0; i < turns.size(); i += 2) {
            // each iteration is started and ended by one fork before the other starts
            String start = turns.get(i);
            assertThat(start).contains("starts");
            assertThat(turns.get(i + 1)).isEqualTo(start.replace("starts", "ends"));
            if (i % 4 == 0) {
                firsts.add(start.substring(0, 1));
            }
        }
        assertThat(turns).hasSize(16);
        for (int i = 1; i <= 4; i++) {
            // neither fork gets past the end of an iteration before the other's turn at it is over
            for (String fork : List.of("a", "b")) {
                assertThat(events.indexOf(fork + " released " + i)).as("%s after iteration %d", fork, i)
                        .isGreaterThan(events.indexOf("a ends " + i)).isGreaterThan(events.indexOf("b ends " + i));
            }
        }
        assertThat(firsts).hasSize(4);
        assertThat(firsts.get(1)).isNotEqualTo(firsts.get(0));
        assertThat(firsts.get(2)).isEqualTo(firsts.get(0));
        assertThat(firsts.get(3)).isEqualTo(firsts.get(1));
    }

    @Test
    void inTurnsAForkThatEndsMidIterationLetsTheOtherGoOnAlone() throws Exception {
        IterationRendezvous r = IterationRendezvous.openForTurns();
        IterationBarrier one = fork(r);
        IterationBarrier other = fork(r);
        // a thread for each fork: the common pool may have one worker only, and the first fork blocks it
        ExecutorService forks = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> oneStarts = CompletableFuture.runAsync(() -> one.beforeIteration(null, null), forks);
        CompletableFuture<Void> otherStarts = CompletableFuture.runAsync(() -> other.beforeIteration(null, null), forks);
        CompletableFuture.anyOf(oneStarts, otherStarts).get(30, TimeUnit.SECONDS);
        Thread.sleep(100);
        assertThat(oneStarts.isDone() && otherStarts.isDone()).as("the second waits for the first's turn").isFalse();
        boolean oneWentFirst = oneStarts.isDone();
        // the one whose turn it is never says it is done: its JVM died, and the run closes the pair
        r.close();
        CompletableFuture.allOf(oneStarts, otherStarts).get(30, TimeUnit.SECONDS);
        IterationBarrier survivor = oneWentFirst ? other : one;
        CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 3; i++) {
                survivor.afterIteration(null, null, null);
                survivor.beforeIteration(null, null);
            }
        });
        rest.get(30, TimeUnit.SECONDS);
        forks.shutdown();
        assertThat(r.together()).isEqualTo(1);
    }

    /** Four iterations of a fork, each taking a few milliseconds, with what happened when. */
    private static void iterate(IterationBarrier fork, String name, List<String> events) {
        for (int i = 1; i <= 4; i++) {
            fork.beforeIteration(null, null);
            events.add(name + " starts " + i);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            events.add(name + " ends " + i);
            fork.afterIteration(null, null, null);
            events.add(name + " released " + i);
        }
    }

    @Test
    void whenOneForkHasEndedTheOtherGoesOnAlone() throws Exception {
        IterationRendezvous r = IterationRendezvous.open();
        IterationBarrier one = fork(r);
        IterationBarrier other = fork(r);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> other.beforeIteration(null, null));
        one.beforeIteration(null, null);
        first.get(30, TimeUnit.SECONDS);
        r.close(); // both forks' JVMs have exited, as far as the run knows
        CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 3; i++) {
                one.beforeIteration(null, null);
            }
        });
        rest.get(30, TimeUnit.SECONDS);
        assertThat(r.together()).isEqualTo(1);
    }

    @Test
    void aForkWhosePartnerNeverComesIsLetGoWhenThePairCloses() throws Exception {
        IterationRendezvous r = IterationRendezvous.open();
        IterationBarrier lonely = fork(r);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> lonely.beforeIteration(null, null));
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        r.close(); // the partner failed to start: the run stops the pair
        waiting.get(30, TimeUnit.SECONDS);
        assertThat(r.together()).isZero();
    }

    @Test
    void aConnectionWithoutThePairsTokenTakesNoPart() throws Exception {
        try (IterationRendezvous r = IterationRendezvous.open()) {
            String option = r.profilerOption();
            int port = Integer.parseInt(option.substring(option.indexOf(':') + 1, option.indexOf('/')));
            IterationBarrier stray = new IterationBarrier(port + "/not-the-token");
            stray.beforeIteration(null, null); // let go at once: the run closed its connection
            IterationBarrier a = fork(r);
            IterationBarrier b = fork(r);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> a.beforeIteration(null, null));
            b.beforeIteration(null, null);
            first.get(30, TimeUnit.SECONDS);
            assertThat(r.together()).isEqualTo(1);
        }
    }

    @Test
    void optionsThatAreNotPortAndTokenAreNamed() {
        for (String bad : new String[] {"", "4711", "port/abc", "4711/ "}) {
            assertThatThrownBy(() -> new IterationBarrier(bad)).isInstanceOf(ProfilerException.class)
                    .hasMessageContaining("'" + bad + "'").hasMessageContaining("PORT/TOKEN");
        }
    }

    @Test
    void theJarHoldsTheBarrierAlone(@TempDir Path dir) throws Exception {
        Path jar = IterationRendezvous.writeJar(dir);
        try (JarFile f = new JarFile(jar.toFile())) {
            assertThat(f.stream().map(e -> e.getName()).toList())
                    .containsExactly("io/latentbench/workbench/bench/relative/barrier/IterationBarrier.class");
        }
    }
}
