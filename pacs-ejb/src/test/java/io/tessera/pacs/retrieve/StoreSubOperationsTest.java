package io.tessera.pacs.retrieve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.net.dimse.Responder;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.pacs.domain.StorageFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StoreSubOperationsTest {

    /** What the requestor would see: pending responses, then the final one. */
    static final class Recorder implements Responder {
        final List<Attributes> pending = new ArrayList<>();
        int status = -1;
        Attributes command;
        Attributes identifier;

        @Override
        public void pending(int status, Attributes commandExtras, Attributes dataSet) {
            pending.add(commandExtras);
        }

        @Override
        public void respond(int status, Attributes commandExtras, Attributes dataSet) {
            this.status = status;
            this.command = commandExtras;
            this.identifier = dataSet;
        }

        @Override
        public boolean isDone() {
            return status != -1;
        }
    }

    private static List<StoredInstance> instances(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new StoredInstance("1.2." + i, "1.2.840.10008.5.1.4.1.1.2",
                "1.2.840.10008.1.2.1", StorageFormat.PART10, Path.of("/nowhere/" + i))).toList();
    }

    private static Recorder run(int n, StoreSubOperations.Destination destination, int cancelAfter) throws IOException {
        StoreSubOperations ops = new StoreSubOperations(instances(n));
        Recorder r = new Recorder();
        AtomicInteger calls = new AtomicInteger();
        ops.run(() -> cancelAfter >= 0 && calls.get() >= cancelAfter, r, "DEST", i -> {
            calls.incrementAndGet();
            return destination.store(i);
        });
        ops.respond(r);
        return r;
    }

    @Test
    void allStoredIsSuccessWithAPendingResponseBetweenSubOperations() throws IOException {
        Recorder r = run(3, i -> Status.SUCCESS, -1);
        assertEquals(Status.SUCCESS, r.status);
        assertEquals(2, r.pending.size());
        assertEquals(2, r.pending.get(0).getInt(Tag.NumberOfRemainingSuboperations, -1));
        assertEquals(1, r.pending.get(0).getInt(Tag.NumberOfCompletedSuboperations, -1));
        assertEquals(3, r.command.getInt(Tag.NumberOfCompletedSuboperations, -1));
        assertEquals(-1, r.command.getInt(Tag.NumberOfRemainingSuboperations, -1), "no remaining count when done");
        assertNull(r.identifier);
    }

    @Test
    void someRefusedIsB000ListingThemAndTheOthersGoOn() throws IOException {
        Recorder r = run(4, i -> i.sopInstanceUid().equals("1.2.2") ? 0xA700
                : i.sopInstanceUid().equals("1.2.3") ? 0xB007 : Status.SUCCESS, -1);
        assertEquals(Status.SUB_OPERATIONS_COMPLETE_WITH_FAILURES, r.status);
        assertEquals(2, r.command.getInt(Tag.NumberOfCompletedSuboperations, -1));
        assertEquals(1, r.command.getInt(Tag.NumberOfFailedSuboperations, -1));
        assertEquals(1, r.command.getInt(Tag.NumberOfWarningSuboperations, -1));
        assertArrayEquals(new String[] {"1.2.2"}, r.identifier.getStrings(Tag.FailedSOPInstanceUIDList));
        assertEquals("DEST refused 1.2.2 with A700H", r.command.getString(Tag.ErrorComment));
    }

    @Test
    void warningsOnlyAreB000Too() throws IOException {
        assertEquals(Status.SUB_OPERATIONS_COMPLETE_WITH_FAILURES, run(2, i -> 0xB000, -1).status);
    }

    @Test
    void allFailedIsA702AndAnAssociationFailureFailsTheRest() throws IOException {
        Recorder r = run(3, i -> {
            if (i.sopInstanceUid().equals("1.2.1")) {
                throw new StoreSubOperations.NotSent("no context");
            }
            throw new IOException("connection reset");
        }, -1);
        assertEquals(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, r.status);
        assertEquals(3, r.command.getInt(Tag.NumberOfFailedSuboperations, -1));
        assertArrayEquals(new String[] {"1.2.1", "1.2.2", "1.2.3"}, r.identifier.getStrings(Tag.FailedSOPInstanceUIDList));
        assertEquals("no context", r.command.getString(Tag.ErrorComment));
    }

    @Test
    void cancelStopsAfterTheCurrentSubOperationWithFe00AndListsWhatWasNotSent() throws IOException {
        Recorder r = run(5, i -> i.sopInstanceUid().equals("1.2.1") ? 0xA700 : Status.SUCCESS, 2);
        assertEquals(Status.CANCEL, r.status);
        assertEquals(3, r.command.getInt(Tag.NumberOfRemainingSuboperations, -1));
        assertEquals(1, r.command.getInt(Tag.NumberOfCompletedSuboperations, -1));
        assertEquals(1, r.command.getInt(Tag.NumberOfFailedSuboperations, -1));
        assertArrayEquals(new String[] {"1.2.1", "1.2.3", "1.2.4", "1.2.5"},
                r.identifier.getStrings(Tag.FailedSOPInstanceUIDList));
    }
}
