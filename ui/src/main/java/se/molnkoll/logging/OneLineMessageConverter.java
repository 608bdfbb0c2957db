package se.molnkoll.logging;

import se.molnkoll.kernel.Loggable;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** %m, %msg, %message: the formatted message with its line breaks escaped ({@link Loggable#escaped}). */
public class OneLineMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Loggable.escaped(super.convert(event));
    }
}
