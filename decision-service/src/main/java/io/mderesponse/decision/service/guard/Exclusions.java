package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.decision.config.GuardConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Machines never acted on (no machine action of any kind), by id, tag or RBAC group (tags and groups compared
 * ignoring case).
 */
final class Exclusions {

    private final Set<String> machineIds;
    private final Set<String> tags;
    private final Set<String> groups;

    Exclusions(GuardConfig.Exclude config) {
        this.machineIds = normalised(config.machineIds());
        this.tags = normalised(config.machineTags());
        this.groups = normalised(config.rbacGroups());
    }

    /** Why the machine is excluded, or empty. */
    Optional<String> reason(String machineId, DefenderMachine machine) {
        if (machineIds.contains(machineId.toLowerCase(Locale.ROOT))) {
            return Optional.of("Machine " + machineId + " is excluded (guard.exclude.machine-ids)");
        }
        if (machine != null) {
            for (String tag : machine.machineTags()) {
                if (tag != null && tags.contains(tag.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of("Machine tag '" + tag + "' is excluded (guard.exclude.machine-tags)");
                }
            }
            String group = machine.rbacGroupName();
            if (group != null && groups.contains(group.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of("RBAC group '" + group + "' is excluded (guard.exclude.rbac-groups)");
            }
        }
        return Optional.empty();
    }

    private static Set<String> normalised(Optional<List<String>> values) {
        return values.orElse(List.of()).stream().map(v -> v.trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
