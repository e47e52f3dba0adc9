package org.jodide.core.protocol;

/** A message received from the other frame did not have the shape of any message of the protocol. */
public final class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
