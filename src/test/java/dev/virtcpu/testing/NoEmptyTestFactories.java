package dev.virtcpu.testing;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code @TestFactory} that yields no test fails instead of passing silently (a fixture directory
 * that moved, a prerequisite that returned an empty list), and one skipped for a missing
 * prerequisite yields one skipped test (Surefire does not count a skipped factory).
 * {@code @ParameterizedTest} already fails on an empty source. Registered for every test class
 * through {@code META-INF/services} and {@code junit.jupiter.extensions.autodetection.enabled}.
 */
public final class NoEmptyTestFactories implements InvocationInterceptor {
    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        String name = call.getExecutable().getDeclaringClass().getSimpleName() + "." + call.getExecutable().getName();
        T result;
        try {
            result = invocation.proceed();
        } catch (TestAbortedException skipped) {
            return skippedAsATest(skipped);
        }
        return nonEmpty(result, name);
    }

    @SuppressWarnings("unchecked")
    static <T> T nonEmpty(T result, String factory) {
        if (result instanceof Stream<?> s) {
            List<?> all = s.toList();
            check(all.isEmpty(), factory);
            return (T) all.stream();
        }
        if (result instanceof Collection<?> c) {
            check(c.isEmpty(), factory);
        } else if (result instanceof Iterator<?> i) {
            check(!i.hasNext(), factory);
        } else if (result instanceof Iterable<?> i) {
            check(!i.iterator().hasNext(), factory);
        } else if (result instanceof Object[] a) {
            check(a.length == 0, factory);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T skippedAsATest(TestAbortedException skipped) {
        // JUnit takes any Stream, Collection, Iterable, Iterator or array here, whatever the declared type.
        return (T) List.of(DynamicTest.dynamicTest("prerequisite", () -> {
            throw skipped;
        }));
    }

    private static void check(boolean empty, String factory) {
        if (empty) throw new AssertionError(factory + " yields no tests: its source is empty");
    }
}
