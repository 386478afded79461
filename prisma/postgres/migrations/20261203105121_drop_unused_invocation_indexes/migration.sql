-- DropIndex
DROP INDEX "Invocation_apiId_createdAt_idx";

-- DropIndex
DROP INDEX "Invocation_keyId_idx";
