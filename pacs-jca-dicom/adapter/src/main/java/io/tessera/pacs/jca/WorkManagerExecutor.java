package io.tessera.pacs.jca;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The library's threads come from the container: each task runs as JCA {@link Work} on the adapter's WorkManager
 * (the bootstrap context {@code tessera-dicom}, sized in wildfly-config's configure.cli), marked long-running
 * because an association lives as long as its peer keeps it.
 */
final class WorkManagerExecutor implements Executor {
    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(new LongRunningWork(task), WorkManager.INDEFINITE, null, null);
        } catch (WorkException e) {
            throw new RejectedExecutionException("The DICOM work manager refused a task: " + e.getMessage(), e);
        }
    }

    private record LongRunningWork(Runnable task) implements Work, WorkContextProvider {
        private static final long serialVersionUID = 1L;

        @Override
        public void run() {
            task.run();
        }

        @Override
        public void release() {
            // the task ends when its association closes; nothing to interrupt here
        }

        @Override
        public List<WorkContext> getWorkContexts() {
            HintsContext hints = new HintsContext();
            hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
            hints.setName("tessera-dicom");
            return List.of(hints);
        }
    }
}
