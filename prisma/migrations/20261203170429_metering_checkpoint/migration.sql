-- CreateTable
CREATE TABLE "MeteringCheckpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committedSeq" BIGINT NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "MeteringCheckpoint_updatedAt_idx" ON "MeteringCheckpoint"("updatedAt");
