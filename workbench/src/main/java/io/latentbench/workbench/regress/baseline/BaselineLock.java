package io.latentbench.workbench.regress.baseline;

import io.latentbench.workbench.results.InputFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive right to read, merge and write one testbed's baselines: without it two updates that run
 * at once both read the old file and the second rename drops the first one's records. Between processes
 * it is an OS file lock on {@code .baselines.lock} beside baselines.json (released by the OS if the holder
 * dies); within this JVM, where a second lock on the same file would throw, a lock per file comes first.
 */
final class BaselineLock implements AutoCloseable {

    static final String FILE_NAME = ".baselines.lock";

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private BaselineLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock of the testbed directory {@code dir}, creating the directory if needed. */
    static BaselineLock acquire(Path dir) {
        Path file = dir.resolve(FILE_NAME).toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new BaselineLock(local, channel, channel.lock());
        } catch (IOException e) {
            closeQuietly(channel);
            local.unlock();
            throw new BaselineException("cannot lock the baselines in " + dir + " for the update: " + InputFiles.describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        } finally {
            closeQuietly(channel);
            local.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }
}
