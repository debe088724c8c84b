using System.Diagnostics;
using System.Globalization;
using KpuTriage.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace KpuTriage.Tests.Deploy;

/// <summary>
/// deploy/k8s is checked twice: by the Kubernetes and KEDA schemas (deploy/k8s/validate, node
/// with schemas bundled in npm packages, which ./test.sh installs), and here by name for what
/// a schema cannot know: non-root, a read-only root with a writable /tmp, probes on the hosts'
/// health endpoints, a grace period longer than the hosts' shutdown timeout, secrets kept in
/// the Secret, and an autoscaler on the queues the stages really consume.
/// </summary>
public sealed class K8sManifestSpecs
{
    private static readonly string K8s = Repository.PathOf("deploy", "k8s");
    private static readonly string[] Units = ["kputriage-web.service", "kputriage-worker@.service"];

    [Fact]
    public async Task Should_pass_the_Kubernetes_and_KEDA_schemas_when_the_manifests_are_validated_offline()
    {
        var (exit, output) = await ValidateAsync(K8s);

        Assert.True(exit == 0, output);
        Assert.Contains("0 invalid", output, StringComparison.Ordinal);
        Assert.Contains("ScaledObject kputriage-worker", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_validation_when_a_manifest_breaks_its_schema()
    {
        using var broken = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(broken.Path, "worker.yaml"),
            (await File.ReadAllTextAsync(Path.Combine(K8s, "base", "worker-deployment.yaml"))).Replace("replicas: 2", "replicas: two", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(broken.Path, "scaled.yaml"),
            (await File.ReadAllTextAsync(Path.Combine(K8s, "keda", "worker-scaledobject.yaml"))).Replace("minReplicaCount: 1", "minReplicaCount: one", StringComparison.Ordinal));

        var (exit, output) = await ValidateAsync(broken.Path);

        Assert.Equal(1, exit);
        Assert.Contains("Deployment kputriage-worker: data/spec/replicas must be integer", output, StringComparison.Ordinal);
        Assert.Contains("ScaledObject kputriage-worker: data/spec/minReplicaCount must be integer", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web-deployment.yaml")]
    [InlineData("worker-deployment.yaml")]
    public void Should_run_non_root_on_a_read_only_root_with_probes_and_a_grace_period_longer_than_the_shutdown_timeout(string file)
    {
        var deployment = Load(Path.Combine(K8s, "base", file));
        var pod = Map(deployment, "spec", "template", "spec");
        var container = (YamlMappingNode)Assert.Single(Seq(pod, "containers"));

        Assert.Equal("true", Scalar(pod, "securityContext", "runAsNonRoot"));
        Assert.NotEqual("0", Scalar(pod, "securityContext", "runAsUser"));
        Assert.Equal("true", Scalar(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("false", Scalar(container, "securityContext", "allowPrivilegeEscalation"));
        var tmp = Seq(container, "volumeMounts").Cast<YamlMappingNode>().Single(m => Scalar(m, "mountPath") == "/tmp");
        var volume = Seq(pod, "volumes").Cast<YamlMappingNode>().Single(v => Scalar(v, "name") == Scalar(tmp, "name"));
        Assert.True(volume.Children.ContainsKey("emptyDir"), "/tmp must be an emptyDir");

        Assert.Equal("/health", Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Scalar(container, "livenessProbe", "httpGet", "path"));
        var port = Scalar(container, "readinessProbe", "httpGet", "port");
        Assert.Contains(Seq(container, "ports").Cast<YamlMappingNode>(), p => Scalar(p, "name") == port);

        var configMap = Load(Path.Combine(K8s, "base", "configmap.yaml"));
        var shutdown = int.Parse(Scalar(configMap, "data", "ShutdownTimeoutSeconds") ?? "30", CultureInfo.InvariantCulture);
        var grace = int.Parse(Scalar(pod, "terminationGracePeriodSeconds")!, CultureInfo.InvariantCulture);
        Assert.True(grace > shutdown, $"terminationGracePeriodSeconds {grace} must exceed ShutdownTimeoutSeconds {shutdown}");

        var env = Seq(container, "env").Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name")!);
        foreach (var secret in new[] { "ConnectionStrings__Postgres", "Transport__RabbitMqUri", "KPUTRIAGE_ADMIN_PASSWORD", "KPUTRIAGE_API_KEY" })
        {
            Assert.Equal("kputriage", Scalar(env[secret], "valueFrom", "secretKeyRef", "name"));
        }

        var keyPath = Scalar(configMap, "data", "Ledger__KeyPath")!;
        var keyMount = Seq(container, "volumeMounts").Cast<YamlMappingNode>().Single(m => keyPath.StartsWith(Scalar(m, "mountPath") + "/", StringComparison.Ordinal));
        var keyVolume = Seq(pod, "volumes").Cast<YamlMappingNode>().Single(v => Scalar(v, "name") == Scalar(keyMount, "name"));
        Assert.Equal("kputriage", Scalar(keyVolume, "secret", "secretName"));
    }

    [Theory]
    [InlineData("web-deployment.yaml")]
    [InlineData("worker-deployment.yaml")]
    public void Should_share_nothing_between_pods_but_the_database_the_broker_and_secrets_when_scaled_out(string file)
    {
        var pod = Map(Load(Path.Combine(K8s, "base", file)), "spec", "template", "spec");

        // A second node needs no shared file system: every volume is the pod's own or a secret.
        foreach (var volume in Seq(pod, "volumes").Cast<YamlMappingNode>())
        {
            Assert.True(volume.Children.ContainsKey("emptyDir") || volume.Children.ContainsKey("secret"),
                $"volume {Scalar(volume, "name")} of {file} is neither pod-local nor a secret");
        }

        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(K8s, "base"), "*.yaml"),
            f => File.ReadAllText(f).Contains("kind: PersistentVolumeClaim", StringComparison.Ordinal));
        var configMap = Load(Path.Combine(K8s, "base", "configmap.yaml"));
        Assert.Equal("postgres", Scalar(configMap, "data", "Storage__Provider"));
        // The session keys kept in the database are encrypted with a certificate from the Secret.
        var certificate = Scalar(configMap, "data", "DataProtection__CertificatePath")!;
        var container = (YamlMappingNode)Assert.Single(Seq(pod, "containers"));
        var mount = Seq(container, "volumeMounts").Cast<YamlMappingNode>().Single(m => certificate.StartsWith(Scalar(m, "mountPath") + "/", StringComparison.Ordinal));
        var volumeOfMount = Seq(pod, "volumes").Cast<YamlMappingNode>().Single(v => Scalar(v, "name") == Scalar(mount, "name"));
        Assert.Equal("kputriage", Scalar(volumeOfMount, "secret", "secretName"));
    }

    [Fact]
    public void Should_scale_workers_on_the_extract_and_propose_queues_with_KEDA_and_on_cpu_without_it()
    {
        var scaled = Load(Path.Combine(K8s, "keda", "worker-scaledobject.yaml"));
        var hpa = Load(Path.Combine(K8s, "hpa", "worker-hpa.yaml"));
        var worker = Load(Path.Combine(K8s, "base", "worker-deployment.yaml"));
        var name = Scalar(worker, "metadata", "name");

        Assert.Equal(name, Scalar(scaled, "spec", "scaleTargetRef", "name"));
        Assert.Equal(name, Scalar(hpa, "spec", "scaleTargetRef", "name"));
        var queues = Seq(scaled, "spec", "triggers").Cast<YamlMappingNode>().Where(t => Scalar(t, "type") == "rabbitmq").Select(t => Scalar(t, "metadata", "queueName")).Order();
        Assert.Equal(["kputriage.extract", "kputriage.propose"], queues);
        Assert.Equal("cpu", Scalar((YamlMappingNode)Seq(hpa, "spec", "metrics")[0], "resource", "name"));

        // The PodDisruptionBudgets select the pods their deployments make.
        foreach (var host in new[] { "web", "worker" })
        {
            var labels = Map(Load(Path.Combine(K8s, "base", $"{host}-deployment.yaml")), "spec", "template", "metadata", "labels");
            var selector = Map(Load(Path.Combine(K8s, "base", $"{host}-pdb.yaml")), "spec", "selector", "matchLabels");
            Assert.All(selector.Children, s => Assert.Equal(s.Value.ToString(), labels.Children[s.Key].ToString()));
        }
    }

    [Fact]
    public void Should_give_the_compose_services_every_setting_the_systemd_units_give()
    {
        var compose = Load(Repository.PathOf("deploy", "compose.yaml"));
        var services = Map(compose, "services");
        Assert.All(["postgres", "rabbitmq", "kputriage-web", "kputriage-worker"], s => Assert.True(services.Children.ContainsKey(s), $"compose has no service {s}"));

        var unitKeys = Units
            .SelectMany(u => File.ReadAllLines(Repository.PathOf("deploy", "systemd", u)))
            .Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(l => l["Environment=".Length..].Split('=')[0]);
        var fileKeys = File.ReadAllLines(Repository.PathOf("deploy", "systemd", "kputriage.env.example"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=')[0]);
        foreach (var service in new[] { "kputriage-web", "kputriage-worker" })
        {
            var env = Merged(Map(services, service, "environment")).Keys.ToHashSet();
            // Urls is the web's own (the image sets it); the image sets DOTNET_NOLOGO too.
            var missing = unitKeys.Concat(fileKeys).Distinct()
                .Where(k => k is not ("Urls" or "DOTNET_NOLOGO") && !(k == "Worker__Listen" && service == "kputriage-web"))
                .Where(k => !env.Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"{service} lacks {string.Join(", ", missing)}");
        }
    }

    [Theory]
    [InlineData("kputriage-web")]
    [InlineData("kputriage-worker")]
    public void Should_mount_the_ledger_key_as_a_read_only_secret_outside_the_data_volume_when_compose_runs_a_host(string service)
    {
        var compose = Load(Repository.PathOf("deploy", "compose.yaml"));
        var host = Map(compose, "services", service);
        var env = Merged(Map(host, "environment"));
        var keyPath = LedgerKeyPath(env);

        // Not in the data folder, nor in any volume the host writes to.
        Assert.False(IsUnder(keyPath, env["KPUTRIAGE_DATA_DIR"]!), $"{service} keeps the ledger key {keyPath} in its data folder");
        foreach (var volume in Seq(host, "volumes").Select(v => v.ToString()))
        {
            Assert.False(IsUnder(keyPath, volume.Split(':')[1]), $"{service} keeps the ledger key {keyPath} in the volume {volume}");
        }

        // A compose secret: a file from the host, mounted read-only under /run/secrets.
        Assert.StartsWith("/run/secrets/", keyPath, StringComparison.Ordinal);
        var secret = Seq(host, "secrets").Cast<YamlMappingNode>().SingleOrDefault(s => "/run/secrets/" + Scalar(s, "target") == keyPath);
        Assert.True(secret is not null, $"{service} mounts no secret at {keyPath}");
        Assert.NotNull(Scalar(compose, "secrets", Scalar(secret, "source")!, "file"));
    }

    [Theory]
    [InlineData("kputriage-web.service")]
    [InlineData("kputriage-worker@.service")]
    public void Should_load_the_ledger_key_as_a_credential_outside_the_state_directory_when_a_systemd_unit_runs(string unit)
    {
        var lines = File.ReadAllLines(Repository.PathOf("deploy", "systemd", unit));
        var env = lines.Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(l => l["Environment=".Length..].Split('=', 2)).ToDictionary(a => a[0], string? (a) => a[1]);
        // The settings file is read after Environment= and would override it: it must not name the key.
        Assert.DoesNotContain(File.ReadAllLines(Repository.PathOf("deploy", "systemd", "kputriage.env.example")), l => l.StartsWith("Ledger__KeyPath=", StringComparison.Ordinal));
        var keyPath = LedgerKeyPath(env);
        var stateDirectory = "/var/lib/" + lines.Single(l => l.StartsWith("StateDirectory=", StringComparison.Ordinal))["StateDirectory=".Length..];

        Assert.False(IsUnder(keyPath, env["KPUTRIAGE_DATA_DIR"]!) || IsUnder(keyPath, stateDirectory), $"{unit} keeps the ledger key {keyPath} in its data folder");
        Assert.StartsWith("%d/", keyPath, StringComparison.Ordinal);
        var credential = lines.Where(l => l.StartsWith("LoadCredential=", StringComparison.Ordinal))
            .Select(l => l["LoadCredential=".Length..].Split(':', 2)).SingleOrDefault(c => c[0] == keyPath["%d/".Length..]);
        Assert.True(credential is not null, $"{unit} loads no credential {keyPath}");
        Assert.False(IsUnder(credential[1], stateDirectory), $"{unit} loads the ledger key from its own state directory ({credential[1]})");
    }

    [Fact]
    public async Task Should_pass_systemd_analyze_verify_without_a_warning_when_the_units_are_checked()
    {
        // systemd-analyze verify parses the units as systemd would (unknown keys, bad specifiers
        // such as %d, a missing ExecStart binary) without a running systemd; instance 1 of the template.
        Assert.True(File.Exists("/usr/bin/systemd-analyze"), "systemd-analyze is missing (Debian package systemd)");
        var folder = Repository.PathOf("deploy", "systemd");
        var start = new ProcessStartInfo("/usr/bin/systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "verify", Path.Combine(folder, "kputriage-web.service"), Path.Combine(folder, "kputriage-worker@1.service") })
        {
            start.ArgumentList.Add(arg);
        }

        using var verify = Process.Start(start)!;
        var output = verify.StandardOutput.ReadToEndAsync();
        var errors = await verify.StandardError.ReadToEndAsync();
        await verify.WaitForExitAsync();

        Assert.True(verify.ExitCode == 0 && (await output + errors).Length == 0, $"systemd-analyze verify ({verify.ExitCode}): {await output}{errors}");
    }

    /// <summary>Ledger:KeyPath as the hosts resolve it: the setting, or ledger/office-key.pem in the data folder.</summary>
    private static string LedgerKeyPath(Dictionary<string, string?> env) =>
        env.GetValueOrDefault("Ledger__KeyPath") is { Length: > 0 } path ? path : env["KPUTRIAGE_DATA_DIR"] + "/ledger/office-key.pem";

    private static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static async Task<(int Exit, string Output)> ValidateAsync(string path)
    {
        var script = Path.Combine(K8s, "validate", "validate.mjs");
        Assert.True(Directory.Exists(Path.Combine(K8s, "validate", "node_modules")), "deploy/k8s/validate/node_modules is missing: ./test.sh installs it (npm ci)");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(path);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        return (node.ExitCode, await output + await errors);
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => (YamlMappingNode)n.Children[new YamlScalarNode(key)]);

    private static YamlSequenceNode Seq(YamlMappingNode node, params string[] path) =>
        (YamlSequenceNode)Map(node, path[..^1]).Children[new YamlScalarNode(path[^1])];

    private static string? Scalar(YamlMappingNode node, params string[] path) =>
        Map(node, path[..^1]).Children.TryGetValue(new YamlScalarNode(path[^1]), out var value) ? ((YamlScalarNode)value).Value : null;

    /// <summary>A mapping with its YAML merge keys ("&lt;&lt;: *anchor") applied, as compose reads it.</summary>
    private static Dictionary<string, string?> Merged(YamlMappingNode node)
    {
        var merged = new Dictionary<string, string?>();
        foreach (var (key, value) in node.Children)
        {
            if (key.ToString() == "<<" && value is YamlMappingNode anchor)
            {
                foreach (var (k, v) in Merged(anchor))
                {
                    merged.TryAdd(k, v);
                }
            }
            else
            {
                merged[key.ToString()] = (value as YamlScalarNode)?.Value;
            }
        }

        return merged;
    }
}
