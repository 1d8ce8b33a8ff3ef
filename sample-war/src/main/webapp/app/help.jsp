<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>Help</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/style.css"></head>
<body>
<main>
  <h1 id="help">Help</h1>
  <p>This page sits under <code>/app/</code> but is excluded from sign-in (<code>oie.excludedPaths</code>). The sign-in
     pages link here ("Need help signing in?", <code>oie.helpUrl</code>).</p>
  <p>Forgot your password? Use "Forgot password?" on the sign-in page. Locked out? Use "Unlock account?".</p>
  <p><a id="back-to-sign-in" href="${pageContext.request.contextPath}/oie/sign-in">Back to sign in</a></p>
</main>
</body>
</html>
