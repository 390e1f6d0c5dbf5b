package io.mderesponse.systemtests.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a set of NetworkPolicies of one namespace lets through, by the rules of the Kubernetes API (no kubectl or
 * cluster runs in the build): a pod's egress (or ingress) is open when no policy of that direction selects it, and
 * otherwise only to what a rule of a selecting policy names; policies add up. Peers are pods (by namespace and
 * labels) or external IPv4 addresses. Covers what deploy/k8s uses: matchLabels and matchExpressions, ipBlock with
 * except, numeric and named ports.
 */
final class NetworkReach {

    /** Something traffic goes to or comes from: a pod or, with {@code ip} set, an address outside the cluster. */
    record Endpoint(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
            Map<String, Integer> namedPorts, String ip) {

        /** A pod; its namespace carries its name as label {@code kubernetes.io/metadata.name}, as Kubernetes sets. */
        static Endpoint pod(String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
            return pod(namespace, Map.of(), labels, namedPorts);
        }

        /** A pod of a namespace that has more labels than its name. */
        static Endpoint pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
                Map<String, Integer> namedPorts) {
            Map<String, String> all = new HashMap<>(namespaceLabels);
            all.put("kubernetes.io/metadata.name", namespace);
            return new Endpoint(namespace, Map.copyOf(all), labels, namedPorts, null);
        }

        static Endpoint external(String ip) {
            return new Endpoint(null, Map.of(), Map.of(), Map.of(), ip);
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    NetworkReach(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = List.copyOf(policies);
    }

    /** Whether {@code from}, a pod of this namespace, may open a connection to {@code to} on this port. */
    boolean egress(Endpoint from, Endpoint to, String protocol, int port) {
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), to, protocol, port));
    }

    /** Whether {@code to}, a pod of this namespace, accepts a connection from {@code from} on this port. */
    boolean ingress(Endpoint to, Endpoint from, String protocol, int port) {
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), to, protocol, port));
    }

    /** Both ends agree: {@code from}'s egress and {@code to}'s ingress, where each is a pod of this namespace. */
    boolean connects(Endpoint from, Endpoint to, String protocol, int port) {
        boolean out = !namespace.equals(from.namespace()) || egress(from, to, protocol, port);
        boolean in = to.ip() != null || !namespace.equals(to.namespace()) || ingress(to, from, protocol, port);
        return out && in;
    }

    /** The policies of this namespace that select the pod for that direction. */
    List<NetworkPolicy> selecting(Endpoint pod, String direction) {
        return policies.stream().filter(p -> types(p).contains(direction))
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.labels())).toList();
    }

    /** A policy without policyTypes is for ingress, and for egress too when it has egress rules. */
    static List<String> types(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint endpoint) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> peerMatches(peer, endpoint));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Endpoint endpoint) {
        if (peer.getIpBlock() != null) {
            return endpoint.ip() != null && inBlock(peer.getIpBlock(), endpoint.ip());
        }
        if (endpoint.ip() != null) {
            return false; // pod and namespace selectors name pods only
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null ? namespace.equals(endpoint.namespace())
                : matches(peer.getNamespaceSelector(), endpoint.namespaceLabels());
        return namespaceMatches && (peer.getPodSelector() == null || matches(peer.getPodSelector(), endpoint.labels()));
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint destination, String protocol, int port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> {
            String ruleProtocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!ruleProtocol.equals(protocol)) {
                return false;
            }
            IntOrString rulePort = p.getPort();
            if (rulePort == null) {
                return true;
            }
            if (rulePort.getStrVal() != null) {
                return Integer.valueOf(port).equals(destination.namedPorts().get(rulePort.getStrVal()));
            }
            int end = p.getEndPort() == null ? rulePort.getIntVal() : p.getEndPort();
            return port >= rulePort.getIntVal() && port <= end;
        });
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null && !selector.getMatchLabels().entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        return expressions == null || expressions.stream().allMatch(e -> switch (e.getOperator()) {
            case "In" -> e.getValues().contains(labels.get(e.getKey()));
            case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
            case "Exists" -> labels.containsKey(e.getKey());
            case "DoesNotExist" -> !labels.containsKey(e.getKey());
            default -> throw new IllegalArgumentException("Unknown selector operator " + e.getOperator());
        });
    }

    private static boolean inBlock(IPBlock block, String ip) {
        return inCidr(block.getCidr(), ip)
                && (block.getExcept() == null || block.getExcept().stream().noneMatch(except -> inCidr(except, ip)));
    }

    private static boolean inCidr(String cidr, String ip) {
        if (cidr.contains(":")) {
            return false; // an IPv6 block never holds the IPv4 addresses these checks use
        }
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (address(parts[0]) & mask) == (address(ip) & mask);
    }

    private static long address(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }
}
