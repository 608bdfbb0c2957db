package se.molnkoll.logging;

import se.molnkoll.kernel.Loggable;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * %wEx, Spring Boot's stack trace: the same lines, but each exception's message (which may quote what
 * a user sent) with its line breaks escaped, so that only the stack trace's own lines are lines.
 */
public class OneLineThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(proxy == null ? null : new OneLine(proxy));
    }

    /** The exception as logback sees it, with its message, its causes' and its suppressed ones' escaped. */
    private record OneLine(IThrowableProxy proxy) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return Loggable.escaped(proxy.getMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return proxy.getCause() == null ? null : new OneLine(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            if (suppressed == null) return null;
            IThrowableProxy[] oneLine = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) oneLine[i] = new OneLine(suppressed[i]);
            return oneLine;
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
