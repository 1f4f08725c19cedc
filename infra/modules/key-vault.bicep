// Key Vault holding LearnFit's four secrets. Access is RBAC-only: the app's user-assigned identity gets
// "Key Vault Secrets User" and nothing else reads the vault. App settings carry only the secret URIs.

@description('Azure region of the vault.')
param location string

@description('Name of the vault (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Enabled: the data plane is reachable from the internet (RBAC still applies). Disabled: only through a private endpoint in the VNet.')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string

@description('Principal id of the managed identity that reads the secrets at runtime.')
param readerPrincipalId string

@description('Subnet for the private endpoint (used when public access is disabled).')
param privateEndpointSubnetId string

@description('VNet the private DNS zone of the endpoint is linked to (used when public access is disabled).')
param vnetId string

@description('Host name of the PostgreSQL flexible server.')
param postgresFqdn string

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string

@description('Database LearnFit uses.')
param databaseName string

@secure()
@description('Administrator password of the PostgreSQL server (goes only into the database-url secret).')
param postgresAdminPassword string

@secure()
@description('Client secret of the Entra app registration used for SSO/OBO.')
param aadAppClientSecret string

@secure()
@description('Client secret of the bot\'s app registration.')
param botPassword string

@secure()
@description('HMAC key of the stored pseudonyms (at least 32 characters). Changing it re-keys every pseudonym.')
param pseudonymKey string

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var privateAccessOnly = publicNetworkAccess == 'Disabled'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: privateAccessOnly ? 'Deny' : 'Allow'
    }
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    // Set explicitly so a freshly created identity is accepted before directory replication finishes.
    principalType: 'ServicePrincipal'
  }
}

// The password is URI-encoded: a generated password may hold characters that end a URL's userinfo part.
resource databaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgresql://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgresFqdn}:5432/${databaseName}?sslmode=require'
    contentType: 'PostgreSQL connection URL'
  }
}

resource aadClientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'aad-client-secret'
  properties: {
    value: aadAppClientSecret
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: {
    value: botPassword
  }
}

resource pseudonymKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'pseudonym-key'
  properties: {
    value: pseudonymKey
  }
}

resource vaultDnsZone 'Microsoft.Network/privateDnsZones@2020-06-01' = if (privateAccessOnly) {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}

resource vaultDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = if (privateAccessOnly) {
  parent: vaultDnsZone
  name: '${vaultName}-link'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetId
    }
  }
}

resource vaultEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = if (privateAccessOnly) {
  name: '${vaultName}-pe'
  location: location
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: '${vaultName}-vault'
        properties: {
          privateLinkServiceId: vault.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}

resource vaultEndpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = if (privateAccessOnly) {
  parent: vaultEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'vault'
        properties: {
          privateDnsZoneId: vaultDnsZone.id
        }
      }
    ]
  }
}

output vaultName string = vault.name
// Versionless URIs: App Service picks up a rotated secret without a redeploy.
output databaseUrlSecretUri string = databaseUrl.properties.secretUri
output aadClientSecretUri string = aadClientSecret.properties.secretUri
output botPasswordSecretUri string = botPasswordSecret.properties.secretUri
output pseudonymKeySecretUri string = pseudonymKeySecret.properties.secretUri
