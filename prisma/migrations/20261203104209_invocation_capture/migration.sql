-- CreateTable
CREATE TABLE "InvocationCapture" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "ownerTeamId" TEXT NOT NULL,
    "consumerTeamId" TEXT,
    "versionId" TEXT NOT NULL,
    "requestQuery" TEXT,
    "requestHeaders" TEXT NOT NULL,
    "responseHeaders" TEXT NOT NULL,
    "requestBody" TEXT,
    "responseBody" TEXT,
    "requestBodyBytes" INTEGER NOT NULL DEFAULT 0,
    "responseBodyBytes" INTEGER NOT NULL DEFAULT 0,
    "requestBodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "responseBodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "requestContentType" TEXT,
    "responseContentType" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApiVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "apiId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "major" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'DRAFT',
    "openapi" TEXT NOT NULL,
    "openapiSource" TEXT,
    "convertedFrom" TEXT,
    "contractIndex" TEXT,
    "upstreamUrl" TEXT NOT NULL,
    "timeoutMs" INTEGER NOT NULL DEFAULT 30000,
    "captureMode" TEXT NOT NULL DEFAULT 'OFF',
    "captureRetentionDays" INTEGER NOT NULL DEFAULT 7,
    "publishedAt" DATETIME,
    "deprecatedAt" DATETIME,
    "sunsetAt" DATETIME,
    "retiredAt" DATETIME,
    "successorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ApiVersion_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "Api" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ApiVersion" ("apiId", "contractIndex", "convertedFrom", "createdAt", "deprecatedAt", "id", "major", "openapi", "openapiSource", "publishedAt", "retiredAt", "state", "successorId", "sunsetAt", "teamId", "timeoutMs", "updatedAt", "upstreamUrl", "version") SELECT "apiId", "contractIndex", "convertedFrom", "createdAt", "deprecatedAt", "id", "major", "openapi", "openapiSource", "publishedAt", "retiredAt", "state", "successorId", "sunsetAt", "teamId", "timeoutMs", "updatedAt", "upstreamUrl", "version" FROM "ApiVersion";
DROP TABLE "ApiVersion";
ALTER TABLE "new_ApiVersion" RENAME TO "ApiVersion";
CREATE INDEX "ApiVersion_teamId_createdAt_idx" ON "ApiVersion"("teamId", "createdAt");
CREATE INDEX "ApiVersion_successorId_idx" ON "ApiVersion"("successorId");
CREATE UNIQUE INDEX "ApiVersion_apiId_version_key" ON "ApiVersion"("apiId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "InvocationCapture_requestId_key" ON "InvocationCapture"("requestId");

-- CreateIndex
CREATE INDEX "InvocationCapture_ownerTeamId_createdAt_idx" ON "InvocationCapture"("ownerTeamId", "createdAt");

-- CreateIndex
CREATE INDEX "InvocationCapture_consumerTeamId_createdAt_idx" ON "InvocationCapture"("consumerTeamId", "createdAt");

-- CreateIndex
CREATE INDEX "InvocationCapture_versionId_idx" ON "InvocationCapture"("versionId");

-- CreateIndex
CREATE INDEX "InvocationCapture_expiresAt_idx" ON "InvocationCapture"("expiresAt");
