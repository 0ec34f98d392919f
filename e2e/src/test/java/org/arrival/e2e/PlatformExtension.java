package org.arrival.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the platform before the first end-to-end test class and has JUnit stop it after the last. */
final class PlatformExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PlatformExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(RunningPlatform.class, k -> RunningPlatform.get(), RunningPlatform.class);
    }
}
