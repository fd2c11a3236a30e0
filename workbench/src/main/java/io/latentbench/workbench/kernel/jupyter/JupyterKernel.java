package io.latentbench.workbench.kernel.jupyter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.latentbench.workbench.kernel.Frontend;
import io.latentbench.workbench.kernel.KernelSession;
import io.latentbench.workbench.kernel.eval.CellException;
import io.latentbench.workbench.kernel.eval.Evaluation;
import io.latentbench.workbench.kernel.eval.JShellEvaluator;
import io.latentbench.workbench.kernel.render.MimeBundle;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The adapter between jjava-jupyter's protocol machinery and a {@link KernelSession}: the only
 * class, with the small ones of this package, that touches the base library's API.
 *
 * <p>The session (JShell and the imports) is built on a thread of its own while the kernel already
 * answers kernel_info, and the first request that needs it waits for it.
 */
public final class JupyterKernel extends BaseKernel implements Frontend {

    public static final String IMPLEMENTATION = "latentbench";

    private final SessionStart<KernelSession> session;
    /** Completed when the first execute request has been handled. */
    private final CompletableFuture<Void> firstCellDone = new CompletableFuture<>();
    private final AttachableIO attachableIO;
    private final KernelHistory history;
    private volatile ShellReplyEnvironment current;

    private JupyterKernel(AttachableIO io, KernelHistory history, String version, SessionStart<KernelSession> session) {
        super(IMPLEMENTATION, version, languageInfo(), List.of(
                        new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"),
                        new HelpLink("Tablesaw", "https://jtablesaw.github.io/tablesaw/"),
                        new HelpLink("XChart", "https://knowm.org/open-source/xchart/")),
                null, io, new CommManager(), new Renderer(), null, null, false,
                new StringStyler.Builder().build());
        this.attachableIO = io;
        this.history = history;
        this.session = session;
    }

    /**
     * A kernel whose session the given factory builds, on a thread of its own, from now, and warms
     * up ({@link SessionStart}); the factory is handed the frontend that the session's rich output
     * is to go to.
     */
    public static JupyterKernel start(Function<Frontend, KernelSession> sessionFactory, String version) {
        SessionStart<KernelSession> session = new SessionStart<>();
        JupyterKernel kernel = new JupyterKernel(new AttachableIO(), new KernelHistory(), version, session);
        session.begin(() -> sessionFactory.apply(kernel), KernelSession::warmUp);
        return kernel;
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java",
                "script");
    }

    private KernelSession session() {
        return session.await();
    }

    // ---------------------------------------------------------------- requests

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        int count = silent ? executionCount.get() : executionCount.getAndIncrement();

        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        replaceOutputStreams(env);
        attachableIO.attach(env, request.isStdinEnabled());
        env.defer(() -> attachableIO.detach(env));
        current = env;
        try {
            KernelSession s = session();
            Evaluation evaluation = s.execute(request.getCode());
            MimeBundle result = s.renderResult(evaluation);
            flushStreams();
            if (result != null && !silent) {
                env.publish(new PublishExecuteResult(count, toDisplayData(result, null)));
            }
            if (request.shouldStoreHistory() && !silent) {
                history.record(count, request.getCode(), result == null ? "" : result.text());
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (CellException e) {
            replyError(env, count, request, e.ename(), e.evalue(), e.traceback());
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            List<String> traceback = formatError(e);
            replyError(env, count, request, e.getClass().getSimpleName(), String.valueOf(e.getMessage()), traceback);
        } finally {
            current = null;
            firstCellDone.complete(null);
        }
    }

    /**
     * Completes once the first cell has run, or once the session has been up for {@code grace}
     * without a cell: from then on, background work no longer competes with a first cell for the
     * CPU (two cores on a small machine, which the JIT's compiler threads want too). Never
     * completes when the session fails to start.
     */
    public CompletableFuture<Void> afterFirstCell(Duration grace) {
        CompletableFuture<Void> graceOver = session.whenUp().thenCompose(s -> CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS)));
        return firstCellDone.applyToEither(graceOver, ignored -> null);
    }

    private void replyError(ShellReplyEnvironment env, int count, ExecuteRequest request, String ename, String evalue,
                            List<String> traceback) {
        flushStreams();
        if (request.shouldStoreHistory() && !request.isSilent()) {
            history.record(count, request.getCode(), "");
        }
        env.publish(new PublishError(ename, evalue, traceback));
        ErrorReply reply = new ErrorReply(ename, evalue, traceback);
        reply.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    private static void flushStreams() {
        System.out.flush();
        System.err.flush();
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(),
                getHelpLinks()));
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        env.defer().reply(new Replies.Interrupt());
        interrupt();
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setBusyDeferIdle();
        env.defer().reply(new Replies.Shutdown(restart));
        onShutdown(restart);
        env.resolveDeferrals();
        env.markForShutdown();
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        boolean output = request.includeOutput();
        List<Object> rows = switch (request.getAccessType()) {
            case TAIL -> history.tail(((HistoryRequest.Tail) request).getMaxReturnLength(), output);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.range(range.getSessionIndex(), range.getStart(), range.getStop(), output);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                yield history.search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique(), output);
            }
        };
        env.reply(new Replies.History(rows));
    }

    @Override
    public void interrupt() {
        CompletableFuture<KernelSession> up = session.whenUp();
        if (up.isDone() && !up.isCompletedExceptionally()) {
            up.join().interrupt();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        interrupt();
    }

    // ---------------------------------------------------------------- BaseKernel's analyses

    @Override
    public Object evalRaw(String source) {
        return session().execute(source).value();
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return session().inspect(code, at, extraDetail)
                .map(text -> toDisplayData(MimeBundle.of(MimeBundle.TEXT, text), null))
                .orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JShellEvaluator.Completion c = session().complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        JShellEvaluator.IsComplete result = session().isComplete(code);
        return switch (result.status()) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            case "incomplete" -> result.indent();
            default -> IS_COMPLETE_MAYBE;
        };
    }

    // ---------------------------------------------------------------- Frontend

    @Override
    public void display(MimeBundle bundle, String displayId) {
        ShellReplyEnvironment env = requireCurrent("display");
        flushStreams();
        env.publish(new PublishDisplayData(toDisplayData(bundle, displayId)));
    }

    @Override
    public void updateDisplay(MimeBundle bundle, String displayId) {
        ShellReplyEnvironment env = requireCurrent("updateDisplay");
        flushStreams();
        env.publish(new PublishUpdateDisplayData(toDisplayData(bundle, displayId)));
    }

    @Override
    public void clearOutput(boolean wait) {
        ShellReplyEnvironment env = requireCurrent("clearOutput");
        flushStreams();
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    private ShellReplyEnvironment requireCurrent(String what) {
        ShellReplyEnvironment env = current;
        if (env == null) {
            throw new IllegalStateException(what + " works while a cell runs, not after it has finished");
        }
        return env;
    }

    private static DisplayData toDisplayData(MimeBundle bundle, String displayId) {
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        bundle.metadata().forEach(data::putMetaData);
        if (displayId != null) {
            data.setDisplayId(displayId);
        }
        return data;
    }
}
