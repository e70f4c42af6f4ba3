package io.tessera.dicom.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The socket input with two kinds of timeout and no timer thread: an idle limit per read, and an absolute
 * deadline (the ARTIM timer of PS3.8 §9.1.5) so that a peer dribbling one byte at a time cannot hold a connection
 * open past it. Sets SO_TIMEOUT before each read to whichever comes first.
 */
final class TimedInputStream extends FilterInputStream {
    private final Socket socket;
    private int appliedTimeout = -1;
    private long deadlineNanos;
    private int idleMillis;

    TimedInputStream(Socket socket, InputStream in) {
        super(in);
        this.socket = socket;
    }

    /** Reads must complete within {@code millis} from now; 0 clears the deadline. */
    void deadline(int millis) {
        deadlineNanos = millis <= 0 ? 0 : System.nanoTime() + millis * 1_000_000L;
    }

    boolean hasDeadline() {
        return deadlineNanos != 0;
    }

    /** Each read may wait at most {@code millis} for data; 0 = no limit. */
    void idle(int millis) {
        idleMillis = millis;
    }

    private void arm() throws IOException {
        int t = idleMillis;
        if (deadlineNanos != 0) {
            long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new SocketTimeoutException("ARTIM timer expired");
            }
            t = t == 0 ? (int) Math.min(left, Integer.MAX_VALUE) : (int) Math.min(t, left);
        }
        if (t != appliedTimeout) {
            socket.setSoTimeout(t);
            appliedTimeout = t;
        }
    }

    @Override
    public int read() throws IOException {
        arm();
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return in.read(b, off, len);
    }
}
