package io.latentbench.workbench.kernel.jupyter;

import java.util.List;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.reply.ShutdownReply;

/**
 * Replies of the base library that lack the {@code "status": "ok"} the protocol requires (and
 * Jupyter's message validator checks), with it added.
 */
final class Replies {

    private Replies() {
    }

    static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // serialized
        private final String status = "ok";

        KernelInfo(String protocolVersion, String implementation, String implementationVersion, LanguageInfo language,
                   String banner, List<HelpLink> helpLinks) {
            super(protocolVersion, implementation, implementationVersion, language, banner, helpLinks);
        }
    }

    /**
     * The base library's history reply would serialize its entries as objects (its array adapter is
     * registered for reading only); this one holds the rows in the protocol's array shape.
     */
    static final class History implements ContentType<History> {
        @SuppressWarnings("unused") // serialized
        private final String status = "ok";
        @SuppressWarnings("unused") // serialized
        private final List<Object> history;

        History(List<Object> rows) {
            this.history = rows;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<History> getType() {
            return (MessageType) HistoryReply.MESSAGE_TYPE;
        }
    }

    static final class Interrupt extends InterruptReply {
        @SuppressWarnings("unused") // serialized
        private final String status = "ok";
    }

    /** The base library's shutdown reply cannot be extended; this one has the same type and fields. */
    static final class Shutdown implements ContentType<Shutdown> {
        @SuppressWarnings("unused") // serialized
        private final String status = "ok";
        @SuppressWarnings("unused") // serialized
        private final boolean restart;

        Shutdown(boolean restart) {
            this.restart = restart;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<Shutdown> getType() {
            return (MessageType) ShutdownReply.MESSAGE_TYPE;
        }
    }
}
