using KpuTriage.Core.Classification;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.People;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Register;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Persistence;

/// <summary>
/// The one database of an office. Provider-specific subclasses exist only so each provider
/// has its own migrations (SQLite and PostgreSQL differ in types); the model is defined here once.
/// </summary>
public abstract class TriageDb(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The web hosts' data-protection keys (cookies, bearer tokens), shared by every replica; encrypted when DataProtection:CertificatePath is set.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentText> DocumentTexts => Set<DocumentText>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ReviewItem> ReviewItems => Set<ReviewItem>();
    public DbSet<RegisterEntry> Register => Set<RegisterEntry>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<ClassifierModel> ClassifierModels => Set<ClassifierModel>();
    public DbSet<ModelCall> ModelCalls => Set<ModelCall>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LedgerHead> LedgerHeads => Set<LedgerHead>();
    public DbSet<LedgerCheckpoint> LedgerCheckpoints => Set<LedgerCheckpoint>();
    public DbSet<LedgerVerification> LedgerVerifications => Set<LedgerVerification>();
    public DbSet<PromptVersion> PromptVersions => Set<PromptVersion>();
    public DbSet<ShadowProposal> ShadowProposals => Set<ShadowProposal>();
    public DbSet<ReplayRun> ReplayRuns => Set<ReplayRun>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        WriteHandoffFlagsInFull();
        RefuseRewrittenPromptVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        WriteHandoffFlagsInFull();
        RefuseRewrittenPromptVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// <see cref="Document.PublishPending"/> is the one column written outside the version
    /// token: <see cref="Pipeline.Handoff"/> clears it with a bulk update that leaves the
    /// version alone (a stage must not lose its race to the hand-off that started it). So the
    /// value a tracked document was read with may be stale: a stage that read the flag still
    /// set, then sets it again (a park, or its own hand-off), changes nothing in EF's eyes, and
    /// without this the update would leave the cleared flag in place — a document with neither
    /// a message nor a hand-off. Every changed document therefore writes its flag as it is.
    /// </summary>
    private void WriteHandoffFlagsInFull()
    {
        foreach (var entry in ChangeTracker.Entries<Document>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Property(d => d.PublishPending).IsModified = true;
            }
        }
    }

    /// <summary>
    /// A prompt version's text is what proposals made under it were sent; changing it would make
    /// its name lie. Only its state moves (draft → active → retired, and back by a rollback),
    /// and whether a draft runs in shadow.
    /// </summary>
    private static readonly string[] Movable = [nameof(PromptVersion.State), nameof(PromptVersion.ShadowSince), nameof(PromptVersion.ShadowBy)];

    private void RefuseRewrittenPromptVersions()
    {
        foreach (var entry in ChangeTracker.Entries<PromptVersion>())
        {
            var rewritten = entry.State == EntityState.Deleted
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !Movable.Contains(p.Metadata.Name)));
            if (rewritten)
            {
                throw new InvalidOperationException(
                    $"prompt version {entry.Entity.Number} is immutable: only its state changes; an edit makes a new draft.");
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DocumentStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DocumentKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReviewState>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<PromptVersionState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReplayRunState>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Document>(d =>
        {
            d.Property(x => x.Source).HasMaxLength(200);
            d.Property(x => x.ExternalId).HasMaxLength(200);
            d.Property(x => x.FileName).HasMaxLength(255);
            d.Property(x => x.Sha256).HasMaxLength(64);
            d.Property(x => x.Version).IsConcurrencyToken();
            d.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
            // Intake's idempotency key covers what a channel submitted; an attachment may repeat a
            // file its source also sent on its own, or another attachment of the same mail.
            d.HasIndex(x => new { x.Source, x.Sha256 }).IsUnique().HasFilter("\"ParentDocumentId\" IS NULL");

            // One document per attachment, however often or concurrently its mail is read. No
            // foreign key: documents are never deleted, and the children are written in the
            // transaction that reads their mail.
            d.HasIndex(x => new { x.ParentDocumentId, x.AttachmentIndex }).IsUnique().HasFilter("\"ParentDocumentId\" IS NOT NULL");
            d.HasIndex(x => new { x.Status, x.UpdatedAt });

            // The redriver's query per stage: pending hand-offs of one status, oldest first. Only
            // the pending rows, so a pass reads its batch in index order, however many letters
            // share the status (RedriveIndexSpecs). Without it, at 100,000 letters, PostgreSQL
            // walked (Status, UpdatedAt) past the 95,000 announced letters of the status (39 ms
            // against 0.4 ms), or read and sorted every pending row through the index on
            // PublishPending alone, which this one replaces (every hand-off wrote that one twice).
            d.HasIndex(x => new { x.Status, x.UpdatedAt }, "IX_Documents_Redrive")
                .HasFilter("\"PublishPending\"");
        });
        modelBuilder.Entity<DocumentText>(t =>
        {
            t.HasKey(x => x.DocumentId);
            t.Property(x => x.Truncation).HasMaxLength(500);
        });
        modelBuilder.Entity<Proposal>(p =>
        {
            p.HasIndex(x => new { x.DocumentId, x.Revision }).IsUnique();
            p.Property(x => x.Provider).HasMaxLength(100);
            p.Property(x => x.ProviderLocation).HasMaxLength(16);
        });
        modelBuilder.Entity<ModelCall>(c =>
        {
            c.Property(x => x.CacheKey).HasMaxLength(64);
            c.Property(x => x.Provider).HasMaxLength(100);
            c.Property(x => x.Location).HasMaxLength(16);
            c.Property(x => x.Model).HasMaxLength(200);
            c.Property(x => x.PromptName).HasMaxLength(100);
            c.Property(x => x.PromptHash).HasMaxLength(64);
            c.Property(x => x.FinishReason).HasMaxLength(32);
            c.HasIndex(x => x.CacheKey);
            c.HasIndex(x => x.CreatedAt);
        });
        modelBuilder.Entity<ReviewItem>(r =>
        {
            r.HasKey(x => x.DocumentId);
            r.HasIndex(x => new { x.State, x.CreatedAt });
            r.Property(x => x.Urgency).HasMaxLength(64);
            r.Property(x => x.Security).HasMaxLength(64);
            r.Property(x => x.LetterType).HasMaxLength(64);
            r.Property(x => x.Unit).HasMaxLength(64);
            r.Property(x => x.Source).HasMaxLength(200);
            r.Property(x => x.LetterNumber).HasMaxLength(ReviewItem.ShortTextLength);
            r.Property(x => x.Sender).HasMaxLength(ReviewItem.ShortTextLength);
            r.Property(x => x.Perihal).HasMaxLength(ReviewItem.ShortTextLength);
            r.Property(x => x.SearchText).HasMaxLength(4 * ReviewItem.ShortTextLength);
            r.Property(x => x.Flag).HasMaxLength(ReviewItem.ShortTextLength);
            r.Property(x => x.HeldBy).HasMaxLength(200);
            r.Property(x => x.FirstApprovedBy).HasMaxLength(200);
            // The inbox order (deadline, urgency, age) over the items still waiting, as one
            // partial index: the first page is read in index order however long the queue.
            r.HasIndex(x => new { x.DueOn, x.UrgencyRank, x.CreatedAt }, "IX_ReviewItems_Inbox")
                .IsDescending(false, true, false)
                .HasFilter("\"State\" IN ('Open', 'AwaitingCoApproval')");
        });
        modelBuilder.Entity<RegisterEntry>(e =>
        {
            e.HasIndex(x => x.DocumentId).IsUnique();
            e.HasIndex(x => new { x.Year, x.AgendaNumber }).IsUnique();
            e.Ignore(x => x.AgendaLabel);
            e.HasIndex(x => x.DecidedAt);
            e.Property(x => x.DispositionActions).HasMaxLength(1000);
            e.Property(x => x.DispositionDeadline).HasMaxLength(10);
        });
        modelBuilder.Entity<UserAccount>(u =>
        {
            u.HasIndex(x => x.UserName).IsUnique();
            // Names that differ only by case, width or compatibility form are one name (UserNames).
            u.HasIndex(x => x.NormalizedUserName).IsUnique();
            u.Property(x => x.NormalizedUserName).HasMaxLength(UserNames.MaxLength);
            u.Property(x => x.SecurityStamp).HasMaxLength(32);
            u.Property(x => x.Language).HasMaxLength(8).HasDefaultValue("id");
        });
        modelBuilder.Entity<AccountSession>(s =>
        {
            s.Property(x => x.Kind).HasMaxLength(16);
            s.HasIndex(x => x.UserId);
            s.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<SignInFailure>(f =>
        {
            f.Property(x => x.UserName).HasMaxLength(UserNames.MaxLength);
            f.HasIndex(x => new { x.UserName, x.At });
            f.HasIndex(x => x.At);
        });
        modelBuilder.Entity<ClassifierModel>(m =>
        {
            m.Property(x => x.TrainedBy).HasMaxLength(200);
            m.Property(x => x.SeedSha256).HasMaxLength(64);
            m.Property(x => x.TaxonomyVersion).HasMaxLength(64);
            m.HasIndex(x => x.TrainedAt);
            m.Ignore(x => x.Label);
        });
        modelBuilder.Entity<ApiKey>(k =>
        {
            k.HasIndex(x => x.KeyHash).IsUnique();
            k.HasIndex(x => x.Name).IsUnique();
        });
        OnLedgerCreating(modelBuilder);
        modelBuilder.Entity<PromptVersion>(v =>
        {
            v.HasKey(x => x.Number);
            v.Property(x => x.Number).ValueGeneratedNever();
            v.Property(x => x.Author).HasMaxLength(200);
            v.Property(x => x.Hash).HasMaxLength(64);
            v.Ignore(x => x.Label);
            // One active version, whatever two admins do at once.
            v.HasIndex(x => x.State, "IX_PromptVersions_Active").IsUnique().HasFilter("\"State\" = 'Active'");
            v.HasIndex(x => x.Hash);
            v.Property(x => x.ShadowBy).HasMaxLength(200);
        });
        modelBuilder.Entity<ShadowProposal>(p =>
        {
            // One shadow answer per letter and version, however many processes run the shadow.
            p.HasIndex(x => new { x.DocumentId, x.VersionNumber }).IsUnique();
            p.Property(x => x.Engine).HasMaxLength(64);
            p.Property(x => x.Model).HasMaxLength(200);
            p.Property(x => x.Provider).HasMaxLength(100);
        });
        modelBuilder.Entity<ReplayRun>(r =>
        {
            r.Property(x => x.RequestedBy).HasMaxLength(200);
            // The desk lists a version's runs; the gate reads the newest finished one; workers look for queued ones.
            r.HasIndex(x => new { x.DraftNumber, x.RequestedAt });
            r.HasIndex(x => new { x.State, x.RequestedAt });
        });
    }

    private static void OnLedgerCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerEntry>(e =>
        {
            // The sequence is the key: a second entry at the same position (a fork) cannot be stored.
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.Hash);
        });
        modelBuilder.Entity<LedgerHead>(h =>
        {
            h.Property(x => x.Id).ValueGeneratedNever();
            h.Property(x => x.Hash).HasMaxLength(64);
            h.HasData(new LedgerHead { Id = LedgerHead.SingletonId, Sequence = 0, Hash = LedgerEntry.Genesis });
        });
        modelBuilder.Entity<LedgerCheckpoint>(c =>
        {
            c.Property(x => x.Office).HasMaxLength(100);
            c.Property(x => x.Hash).HasMaxLength(64);
            c.Property(x => x.KeyId).HasMaxLength(16);
            c.Property(x => x.PublicKey).HasMaxLength(200);
            c.Property(x => x.Signature).HasMaxLength(200);
            c.Property(x => x.NextKey).HasMaxLength(200);
            c.Property(x => x.ReceivedFrom).HasMaxLength(500);
            c.HasIndex(x => new { x.Office, x.Imported, x.Sequence }).IsUnique();
            c.HasIndex(x => x.PublishPending);
        });
        modelBuilder.Entity<LedgerVerification>(v =>
        {
            v.Property(x => x.RanBy).HasMaxLength(200);
            v.HasIndex(x => x.RanAt);
        });
    }
}
