package io.oiefilter.activation;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;

/**
 * Attempt counts in a JCache (JSR-107) cache, so that throttles hold across a cluster: on Payara
 * the default provider is Hazelcast, shared by every node. Each count is updated atomically by an
 * entry processor; entries expire after the longest window.
 */
public final class JCacheAttemptStore implements AttemptStore {
    public static final String DEFAULT_CACHE = "oie-filter-activation-attempts";
    static final String PAYARA_JNDI_NAME = "payara/CacheManager";

    /** One key's window: when it started and how many attempts it holds. */
    record Window(long startMillis, int count) implements Serializable {
    }

    private final java.util.function.Supplier<CacheManager> manager;
    private final String cacheName;
    private final Duration longestWindow;
    private final Clock clock;
    private volatile Cache<String, Window> cache;

    /**
     * On first use, takes the application server's CacheManager: the one CDI offers, else the one
     * Payara binds in JNDI at {@code payara/CacheManager} (both on Payara's own Hazelcast), else the
     * default JCache provider's.
     */
    public JCacheAttemptStore(String cacheName, Duration longestWindow) {
        this(JCacheAttemptStore::serverCacheManager, cacheName, longestWindow, Clock.systemUTC());
    }

    JCacheAttemptStore(CacheManager manager, String cacheName, Duration longestWindow, Clock clock) {
        this(() -> manager, cacheName, longestWindow, clock);
    }

    private JCacheAttemptStore(java.util.function.Supplier<CacheManager> manager, String cacheName, Duration longestWindow, Clock clock) {
        this.manager = manager;
        this.cacheName = cacheName;
        this.longestWindow = longestWindow;
        this.clock = clock;
    }

    private static CacheManager serverCacheManager() {
        try {
            var bean = jakarta.enterprise.inject.spi.CDI.current().select(CacheManager.class);
            if (bean.isResolvable()) {
                return bean.get();
            }
        } catch (RuntimeException | NoClassDefFoundError noCdi) {
            // not a CDI application: JNDI or the JCache default below
        }
        try {
            Object bound = new javax.naming.InitialContext().lookup(PAYARA_JNDI_NAME);
            if (bound instanceof CacheManager m) {
                return m;
            }
        } catch (javax.naming.NamingException | RuntimeException notPayara) {
            // not on Payara
        }
        return Caching.getCachingProvider().getCacheManager();
    }

    private Cache<String, Window> cache() {
        Cache<String, Window> c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) {
                    CacheManager m = manager.get();
                    Cache<String, Window> existing = m.getCache(cacheName, String.class, Window.class);
                    cache = existing != null ? existing : create(m, cacheName, longestWindow);
                }
                c = cache;
            }
        }
        return c;
    }

    private static Cache<String, Window> create(CacheManager manager, String name, Duration ttl) {
        MutableConfiguration<String, Window> config = new MutableConfiguration<String, Window>()
                .setTypes(String.class, Window.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new javax.cache.expiry.Duration(
                        java.util.concurrent.TimeUnit.SECONDS, Math.max(1, ttl.toSeconds()))));
        try {
            return manager.createCache(name, config);
        } catch (javax.cache.CacheException alreadyCreatedByAnotherNode) {
            return manager.getCache(name, String.class, Window.class);
        }
    }

    @Override
    public int hit(String key, Duration window) {
        return cache().invoke(key, new Count(), clock.millis(), window.toMillis());
    }

    @Override
    public void release(String key, Duration window) {
        cache().invoke(key, new Release(), clock.millis(), window.toMillis());
    }

    /** Runs where the entry lives; Serializable for distributed caches. */
    static final class Count implements EntryProcessor<String, Window, Integer>, Serializable {
        @Override
        public Integer process(MutableEntry<String, Window> entry, Object... args) {
            long now = (Long) args[0];
            long window = (Long) args[1];
            Window w = entry.exists() ? entry.getValue() : null;
            Window next = w == null || now >= w.startMillis() + window ? new Window(now, 1) : new Window(w.startMillis(), w.count() + 1);
            entry.setValue(next);
            return next.count();
        }
    }

    /** Gives one attempt back, in the same window only. */
    static final class Release implements EntryProcessor<String, Window, Integer>, Serializable {
        @Override
        public Integer process(MutableEntry<String, Window> entry, Object... args) {
            long now = (Long) args[0];
            long window = (Long) args[1];
            Window w = entry.exists() ? entry.getValue() : null;
            if (w == null || now >= w.startMillis() + window || w.count() <= 0) {
                return 0;
            }
            entry.setValue(new Window(w.startMillis(), w.count() - 1));
            return w.count() - 1;
        }
    }
}
